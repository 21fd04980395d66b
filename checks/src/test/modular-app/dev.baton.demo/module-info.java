// A user's modular application: one requires clause gives the runtime and the annotations.
module dev.baton.demo {
    requires dev.baton.runtime;
}
