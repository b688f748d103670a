package io.opencloud.functions.processing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code opencloud.processing}: which gdal_translate to run and how long one conversion may take. */
@ConfigurationProperties("opencloud.processing")
public record ProcessingProperties(@DefaultValue("gdal_translate") String gdalTranslate,
                                   @DefaultValue("PT10M") Duration timeout) {
}
