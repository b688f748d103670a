package io.opencloud.controlplane.http;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint (a controller, or one of its methods) that peers and other systems reach without the admin
 * token: the event ingress, signed webhooks, this control plane's card, the STAC catalog, and the token and
 * validation endpoints of the compute-provider API. Every other endpoint of the control plane is administrative
 * ({@link AdminAccess}), so a new endpoint is closed until it is marked.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface OpenToPeers {
}
