package dev.baton.conformance;

/** The twins' {@code class Boom(Exception)}: a scenario's own failure, printed as {@code Boom('msg')}. */
public class Boom extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Boom(String message) {
        super(message);
    }
}
