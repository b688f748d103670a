package io.opencloud.functions.sentinel;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the Sentinel data provider's settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SentinelProperties.class)
class SentinelConfiguration {
}
