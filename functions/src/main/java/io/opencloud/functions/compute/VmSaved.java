package io.opencloud.functions.compute;

import java.util.List;

/** A VM saved: the template made of the saved images, and the images in disk order. */
public record VmSaved(String vmId, String templateId, List<String> imageIds) {
}
