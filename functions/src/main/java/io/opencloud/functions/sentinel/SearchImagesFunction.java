package io.opencloud.functions.sentinel;

import io.opencloud.functions.OperationFailedException;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Counts and lists the Sentinel scenes of a collection that intersect an area, fall in a date range and are no
 * cloudier than a limit, least cloudy first, by asking the provider's STAC API.
 *
 * <p>Consumes {@code io.opencloud.sentinel.search.requested.v1}; produces
 * {@code io.opencloud.sentinel.search.completed.v1}, or {@code io.opencloud.sentinel.search.failed.v1} when the
 * box or dates are not valid or the catalog cannot answer. Idempotent: it only reads.
 */
@Component("searchImages")
public class SearchImagesFunction implements Function<SearchImagesRequest, ScenesFound> {

    private final StacClient stac;

    public SearchImagesFunction(StacClient stac) {
        this.stac = stac;
    }

    @Override
    public ScenesFound apply(SearchImagesRequest request) {
        BoundingBox box = BoundingBox.of(request.bbox());
        if (request.from() == null || request.to() == null) {
            throw new OperationFailedException("a search needs both from and to", false);
        }
        if (request.from().isAfter(request.to())) {
            throw new OperationFailedException("the date range is empty: from " + request.from() + " is after to "
                    + request.to(), false);
        }
        return stac.search(Collections.orDefault(request.collection()), box, request.from(), request.to(),
                request.maxCloudCover() == null ? 100 : request.maxCloudCover(),
                request.limit() == null ? 10 : request.limit());
    }
}
