package dev.conversa.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A place on the map, in either direction.
 *
 * @param latitude degrees north
 * @param longitude degrees east
 * @param name the place's name, when given
 * @param address the place's address, when given
 * @param url a link about the place, when given
 */
public record Location(
        double latitude, double longitude, Optional<String> name, Optional<String> address, Optional<String> url)
        implements MessageContent, OutboundContent {

    /**
     * Checks the coordinates.
     *
     * @throws IllegalArgumentException if a coordinate is out of range
     */
    public Location {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(url, "url");
        if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("latitude must be in [-90, 90] and longitude in [-180, 180]");
        }
    }

    @Override
    public String kind() {
        return "location";
    }

    @Override
    public String readableText() {
        return name.or(() -> address).orElse("");
    }

    /** Leaves out the coordinates, which are personal. */
    @Override
    public String toString() {
        return "Location[named=" + name.isPresent() + "]";
    }
}
