/**
 * Baton's runtime: the single-threaded {@link dev.baton.runtime.EventLoop}, tasks, and asyncio's
 * synchronization primitives, with {@link dev.baton.runtime.Baton} as the static entry point.
 * A module that declares templates needs only {@code requires dev.baton.runtime;}: it reads
 * the annotations through this module.
 *
 * <p>{@code dev.baton.runtime.internal} is exported only because the code Baton's processor
 * generates, which lives in the user's own packages, calls it. It is not an API: it is left out
 * of the published Javadoc and may change in any release.
 */
module dev.baton.runtime {
    requires transitive dev.baton.annotations;

    exports dev.baton.runtime;
    exports dev.baton.runtime.internal;
}
