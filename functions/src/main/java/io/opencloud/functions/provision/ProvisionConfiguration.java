package io.opencloud.functions.provision;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the provisioning settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ProvisionProperties.class)
class ProvisionConfiguration {
}
