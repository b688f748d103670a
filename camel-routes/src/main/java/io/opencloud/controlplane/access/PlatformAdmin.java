package io.opencloud.controlplane.access;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An endpoint that changes or reveals the platform as a whole (tenants, this control plane's identity and keys,
 * federation): only an admin of the platform tenant ({@value Caller#PLATFORM_TENANT}) may call it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface PlatformAdmin {
}
