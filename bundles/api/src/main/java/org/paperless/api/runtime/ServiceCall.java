package org.paperless.api.runtime;

/** One call of a service, for {@link AwaitedService#call}. */
@FunctionalInterface
public interface ServiceCall<T, R, E extends Exception> {
    R call(T service) throws E;
}
