package io.opencloud.controlplane.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An endpoint that needs a caller with at least this role in its tenant (401 without a valid token, 403 without the
 * role). What the endpoint shows or changes is then limited to the caller's tenant by the endpoint itself.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Requires {

    Role value();
}
