package io.opencloud.functions.processing;

import io.minio.MinioClient;
import io.opencloud.functions.OperationFailedException;
import io.opencloud.functions.s3.Buckets;
import io.opencloud.functions.s3.Sha256;
import io.opencloud.functions.web.HttpDownloads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Converts one GeoTIFF, read from an http(s) URL (typically presigned), to a Cloud-Optimized GeoTIFF and to PNG with
 * GDAL's gdal_translate, and writes the results to {@code <prefix>/<name>.tif} and {@code <prefix>/<name>.png} in the
 * output bucket.
 *
 * <p>Consumes {@code io.opencloud.processing.convert.requested.v1}; produces
 * {@code io.opencloud.processing.convert.completed.v1}, or {@code io.opencloud.processing.convert.failed.v1} when the
 * source cannot be read or is not what was expected, gdal_translate is missing or refuses the input, or the prefix
 * was discarded. Idempotent: the output keys depend only on the request, so a repeated conversion overwrites its
 * outputs with the same bytes.
 */
@Component("convertImage")
public class ConvertImageFunction implements Function<ConvertImageRequest, ImageConverted> {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private final MinioClient s3;
    private final GdalTranslate gdal;
    private final HttpDownloads downloads;

    public ConvertImageFunction(MinioClient s3, GdalTranslate gdal, HttpDownloads downloads) {
        this.s3 = s3;
        this.gdal = gdal;
        this.downloads = downloads;
    }

    @Override
    public ImageConverted apply(ConvertImageRequest request) {
        checked(request);
        OutputLocation output = request.output();
        List<ImageFormat> formats = request.formats() == null || request.formats().isEmpty()
                ? List.of(ImageFormat.COG, ImageFormat.PNG) : request.formats().stream().distinct().toList();
        Path work = createWorkDirectory();
        try {
            String version = gdal.version(work);
            Path input = download(request.source(), work.resolve("input.tif"));
            List<ImageConverted.Output> outputs = new ArrayList<>();
            Buckets.ensure(s3, output.bucket());
            for (ImageFormat format : formats) {
                Path converted = work.resolve(request.source().name() + format.extension());
                gdal.translate(format, input, converted);
                String key = output.prefix() + "/" + request.source().name() + format.extension();
                Buckets.upload(s3, output.bucket(), key, converted, format.contentType());
                outputs.add(new ImageConverted.Output(format, output.bucket(), key, size(converted),
                        Sha256.of(converted), format.contentType()));
            }
            if (DiscardedPrefixes.isDiscarded(s3, output.bucket(), output.prefix())) {
                Buckets.deletePrefix(s3, output.bucket(), output.prefix() + "/" + request.source().name() + ".",
                        key -> outputs.stream().anyMatch(written -> written.key().equals(key)));
                throw new OperationFailedException("the outputs under " + output.bucket() + "/" + output.prefix()
                        + " were discarded (their saga was compensated); what this conversion wrote is deleted", false);
            }
            return new ImageConverted(request.source().name(), outputs, version);
        } finally {
            deleteRecursively(work);
        }
    }

    private static void checked(ConvertImageRequest request) {
        if (request.source() == null || request.source().url() == null || request.source().name() == null) {
            throw new OperationFailedException("a conversion needs source.url and source.name", false);
        }
        if (!NAME.matcher(request.source().name()).matches()) {
            throw new OperationFailedException("source.name " + request.source().name() + " is not a plain file name",
                    false);
        }
        String scheme = URI.create(request.source().url()).getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new OperationFailedException("source.url must be http or https, not " + scheme, false);
        }
        if (request.output() == null || request.output().bucket() == null || request.output().prefix() == null) {
            throw new OperationFailedException("a conversion needs output.bucket and output.prefix", false);
        }
    }

    private Path download(ConvertImageRequest.Source source, Path target) {
        URI url = URI.create(source.url());
        String shown = url.getScheme() + "://" + url.getAuthority() + url.getPath();
        int status = downloads.toFile(url, target, "the source " + shown);
        if (status == 403) {
            throw new OperationFailedException("the source URL for " + shown + " was refused (403): it expired or"
                    + " was not signed for this object", false);
        }
        if (status != 200) {
            throw new OperationFailedException("the source " + shown + " could not be read: HTTP " + status,
                    status >= 500 || status == 429);
        }
        if (source.sha256() != null) {
            String actual = Sha256.of(target);
            if (!actual.equals(source.sha256())) {
                throw new OperationFailedException("the source " + shown + " has SHA-256 " + actual + ", not the "
                        + "expected " + source.sha256(), false);
            }
        }
        return target;
    }

    private static Path createWorkDirectory() {
        try {
            return Files.createTempDirectory("opencloud-convert-");
        } catch (IOException e) {
            throw new OperationFailedException("no working directory for the conversion: " + e, true, e);
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not clean up " + directory, e);
        }
    }
}
