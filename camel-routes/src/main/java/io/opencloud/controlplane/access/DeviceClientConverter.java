package io.opencloud.controlplane.access;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Reads the public client of the device code grant from its requests (the device authorization request and the
 * token polls): a CLI has no secret to keep, so it names itself with {@code client_id} alone. Spring Authorization
 * Server takes public clients only with PKCE, which the device flow does not use; {@link DeviceClientAuthenticator}
 * then checks that the client is a public device client.
 */
final class DeviceClientConverter implements AuthenticationConverter {

    private static final String DEVICE_AUTHORIZATION = "/oauth2/device_authorization";

    @Override
    public Authentication convert(HttpServletRequest request) {
        boolean deviceRequest = "POST".equals(request.getMethod())
                && (request.getRequestURI().endsWith(DEVICE_AUTHORIZATION)
                || AuthorizationGrantType.DEVICE_CODE.getValue()
                .equals(request.getParameter(OAuth2ParameterNames.GRANT_TYPE)));
        String clientId = request.getParameter(OAuth2ParameterNames.CLIENT_ID);
        if (!deviceRequest || clientId == null || clientId.isBlank() || request.getHeader("Authorization") != null
                || request.getParameter(OAuth2ParameterNames.CLIENT_SECRET) != null) {
            return null;
        }
        return new OAuth2ClientAuthenticationToken(clientId, ClientAuthenticationMethod.NONE, null, null);
    }
}
