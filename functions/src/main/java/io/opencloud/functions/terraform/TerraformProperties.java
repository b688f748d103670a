package io.opencloud.functions.terraform;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code opencloud.terraform}: the binary to run, the directory under which each provision gets its working directory,
 * how long one Terraform command may run, the bucket where every saved state is kept, and how many resources one
 * command changes at once.
 */
@ConfigurationProperties("opencloud.terraform")
public record TerraformProperties(@DefaultValue("terraform") String binary, Path workDir,
                                  @DefaultValue("PT30M") Duration timeout,
                                  @DefaultValue("opencloud-provisions") String stateBucket,
                                  @DefaultValue("10") int parallelism) {

    public TerraformProperties {
        workDir = workDir == null ? Path.of(System.getProperty("java.io.tmpdir"), "opencloud-terraform") : workDir;
    }
}
