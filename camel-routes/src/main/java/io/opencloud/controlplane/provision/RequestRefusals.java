package io.opencloud.controlplane.provision;

import io.opencloud.controlplane.access.TenantsController;
import io.opencloud.controlplane.compute.ImagesController;
import io.opencloud.controlplane.compute.TemplatesController;
import io.opencloud.controlplane.compute.VmsController;
import io.opencloud.controlplane.federation.IdentityController;
import io.opencloud.controlplane.federation.PeersController;
import io.opencloud.controlplane.federation.catalog.CatalogController;
import io.opencloud.controlplane.federation.catalog.FavouritesController;
import io.opencloud.controlplane.federation.delegation.GrantsController;
import io.opencloud.controlplane.federation.delegation.ProviderController;
import io.opencloud.controlplane.federation.network.NetworksController;
import io.opencloud.controlplane.market.MarketAppsController;
import io.opencloud.controlplane.market.MarketplacesController;
import io.opencloud.functions.web.Problems;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Answers a refused provider, provision, marketplace or compute request with problem+json listing every reason under {@code errors}. */
@RestControllerAdvice(assignableTypes = {ProvidersController.class, ProvisionsController.class,
        MarketplacesController.class, MarketAppsController.class, ImagesController.class, TemplatesController.class,
        VmsController.class, IdentityController.class, NetworksController.class, PeersController.class,
        CatalogController.class, FavouritesController.class, ProviderController.class, GrantsController.class,
        TenantsController.class})
class RequestRefusals {

    @ExceptionHandler(RequestRefusedException.class)
    ResponseEntity<ProblemDetail> refused(RequestRefusedException refused) {
        ResponseEntity<ProblemDetail> response = Problems.of(refused.status(), refused.problem(),
                refused.status().getReasonPhrase(), refused.getMessage());
        response.getBody().setProperty("errors", refused.errors());
        return response;
    }
}
