package io.opencloud.controlplane.access;

import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Hands a protected endpoint's handler the {@link Caller} that {@link AccessInterceptor} let in. */
@Component
public class CallerArgumentResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer container, NativeWebRequest request,
                                  WebDataBinderFactory binders) {
        Object caller = request.getAttribute(AccessInterceptor.CALLER, RequestAttributes.SCOPE_REQUEST);
        if (caller == null) {
            throw new IllegalStateException("an endpoint that takes a Caller must require one (@Requires,"
                    + " @PlatformAdmin)");
        }
        return caller;
    }
}
