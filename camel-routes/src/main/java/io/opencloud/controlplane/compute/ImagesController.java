package io.opencloud.controlplane.compute;

import io.opencloud.controlplane.access.Ownership;
import io.opencloud.controlplane.access.Owned;
import io.opencloud.controlplane.access.Caller;
import io.opencloud.controlplane.access.Role;
import io.opencloud.controlplane.access.Requires;
import io.opencloud.controlplane.provision.RequestRefusedException;
import io.opencloud.functions.compute.ComputeDriver;
import io.opencloud.functions.compute.ComputeDrivers;
import io.opencloud.functions.compute.ImageRecord;
import io.opencloud.functions.compute.Images;
import io.opencloud.functions.compute.StoredDisk;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /compute/images}: images of the compute inventory. {@code POST /compute/images?name=&type=} streams the body
 * (any size; it is never held in memory) into a new image of the default driver, which keeps it as qcow2 when
 * qemu-img is installed and raw otherwise.
 */
@RestController
@Requires(Role.MEMBER)
@RequestMapping("/compute/images")
public class ImagesController {

    private static final List<String> TYPES = List.of("OS", "DATABLOCK", "KERNEL", "RAMDISK", "CONTEXT", "CDROM");

    private final Images images;
    private final ComputeDrivers drivers;
    private final JsonMapper json;
    private final Ownership ownership;

    public ImagesController(Images images, ComputeDrivers drivers, JsonMapper json, Ownership ownership) {
        this.ownership = ownership;
        this.images = images;
        this.drivers = drivers;
        this.json = json;
    }

    @PostMapping(consumes = "application/octet-stream")
    public ResponseEntity<ImageRecord> upload(@RequestParam String name,
                                              @RequestParam(defaultValue = "OS") String type,
                                              HttpServletRequest request, Caller caller) throws IOException {
        List<String> problems = new ArrayList<>();
        DisplayNames.check(name, "name", problems);
        if (!TYPES.contains(type)) {
            problems.add("type must be one of " + TYPES);
        }
        if (!problems.isEmpty()) {
            throw RequestRefusedException.invalid(problems);
        }
        String imageId = UUID.randomUUID().toString();
        ComputeDriver driver = drivers.get(ComputeDrivers.DEFAULT);
        StoredDisk stored;
        try (InputStream body = request.getInputStream()) {
            stored = driver.storeImage(imageId, body, null);
        }
        ObjectNode attributes = json.createObjectNode().put("TYPE", type);
        images.insert(new ImageRecord(imageId, name, driver.name(), stored.format(), stored.location(),
                stored.sizeBytes(), stored.sha256(), attributes, null));
        ownership.claim(Owned.IMAGE, imageId, caller);
        return ResponseEntity.status(201).header("Location", "/compute/images/" + imageId)
                .body(images.find(imageId).orElseThrow());
    }

    @Requires(Role.VIEWER)
    @GetMapping
    public List<ImageRecord> list(Caller caller) {
        return ownership.visibleOf(Owned.IMAGE, images.list(), ImageRecord::imageId, caller);
    }

    @Requires(Role.VIEWER)
    @GetMapping("/{id}")
    public ImageRecord get(@PathVariable String id, Caller caller) {
        return Ids.valid(id) && ownership.visible(Owned.IMAGE, id, caller)
                ? images.find(id).orElseThrow(() -> RequestRefusedException.notFound("image " + id))
                : Ids.notFound("image", id);
    }
}
