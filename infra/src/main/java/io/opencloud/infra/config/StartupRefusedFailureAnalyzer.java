package io.opencloud.infra.config;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Shows a {@link StartupRefusedException} as Spring Boot's "APPLICATION FAILED TO START" description and action. */
public class StartupRefusedFailureAnalyzer extends AbstractFailureAnalyzer<StartupRefusedException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StartupRefusedException cause) {
        return new FailureAnalysis(cause.description(), cause.action(), cause);
    }
}
