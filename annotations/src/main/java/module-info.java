/**
 * Baton's annotations: {@link dev.baton.Async}, {@link dev.baton.Guarded},
 * {@link dev.baton.AwaitsEvent} and {@link dev.baton.Consumes}. Baton's annotation processor
 * reads them at compile time; they are kept in class files but not at run time.
 */
module dev.baton.annotations {
    exports dev.baton;
}
