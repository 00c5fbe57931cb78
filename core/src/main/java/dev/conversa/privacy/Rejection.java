package dev.conversa.privacy;

/**
 * Why a data deletion or deauthorize callback was refused: the HTTP status and a reason that names what was
 * wrong without echoing a secret, the signed request or the user id. Thrown and caught inside
 * this package only.
 */
final class Rejection extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    Rejection(int status, String reason) {
        super(reason, null, false, false);
        this.status = status;
    }

    static Rejection badRequest(String reason) {
        return new Rejection(400, reason);
    }

    static Rejection unauthorized(String reason) {
        return new Rejection(401, reason);
    }

    static Rejection notFound(String reason) {
        return new Rejection(404, reason);
    }

    int status() {
        return status;
    }
}
