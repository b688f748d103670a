package io.opencloud.functions.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.opencloud.functions.OperationFailedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gdal_translate as the processing service runs it, and what it says when GDAL is missing or refuses a file. */
class GdalTranslateTest {

    @TempDir
    Path work;

    @Test
    void aMissingBinaryIsAClearFailureThatRetryingWillNotCure() {
        GdalTranslate gdal = new GdalTranslate(new ProcessingProperties("/nonexistent/gdal_translate", Duration.ofMinutes(1)));

        assertThatThrownBy(() -> gdal.version(work))
                .isInstanceOfSatisfying(OperationFailedException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("/nonexistent/gdal_translate could not be started")
                .hasMessageContaining("install GDAL, Debian package gdal-bin")
                .hasMessageContaining("opencloud.processing.gdal-translate");
    }

    @Test
    void anInputGdalRefusesFailsWithWhatGdalSaid() throws Exception {
        GdalTranslate gdal = new GdalTranslate(new ProcessingProperties("gdal_translate", Duration.ofMinutes(1)));
        Path input = Files.writeString(work.resolve("input.tif"), "not a GeoTIFF at all");

        assertThatThrownBy(() -> gdal.translate(ImageFormat.PNG, input, work.resolve("out.png")))
                .isInstanceOfSatisfying(OperationFailedException.class, e -> assertThat(e.retryable()).isFalse())
                .hasMessageContaining("exited with 1")
                .hasMessageContaining("not recognized as a supported file format");
    }
}
