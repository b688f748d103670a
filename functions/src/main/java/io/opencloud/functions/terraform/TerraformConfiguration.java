package io.opencloud.functions.terraform;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the Terraform settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TerraformProperties.class)
class TerraformConfiguration {
}
