package io.opencloud.functions.compute;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ComputeProperties.class)
class ComputeConfiguration {
}
