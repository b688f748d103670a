package io.opencloud.controlplane.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An endpoint anyone may call without a token, because something else proves who is asking (a webhook's signature, a
 * peer's signed event, a macaroon) or because what it serves is public. The reason is required so that every such
 * exception is written down beside the code it opens.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Public {

    /** Why no token is needed. */
    String value();
}
