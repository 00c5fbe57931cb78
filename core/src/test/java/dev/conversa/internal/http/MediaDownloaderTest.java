package dev.conversa.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.conversa.graph.GraphApiException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class MediaDownloaderTest {

    @Test
    void stopsReadingStreamOfUndeclaredSizeOnceItPassesTheCap() {
        ByteArrayInputStream body = new ByteArrayInputStream(new byte[50_000]);

        GraphApiException failure = catchThrowableOfType(GraphApiException.class,
                () -> MediaDownloader.readCapped(body, OptionalLong.empty(), 20_000, 200));

        assertThat(failure.getMessage()).contains("cap of 20000 bytes");
        assertThat(failure.isRetryable()).isFalse();
        assertThat(body.available()).isGreaterThan(0);
    }

    @Test
    void readsStreamOfUndeclaredSizeUpToTheCap() throws IOException {
        byte[] bytes = MediaDownloader.readCapped(new ByteArrayInputStream(new byte[20_000]), OptionalLong.empty(),
                20_000, 200);

        assertThat(bytes).hasSize(20_000);
    }

    @Test
    void refusesDeclaredSizeOverTheCapBeforeReading() {
        ByteArrayInputStream body = new ByteArrayInputStream(new byte[5]);

        GraphApiException failure = catchThrowableOfType(GraphApiException.class,
                () -> MediaDownloader.readCapped(body, OptionalLong.of(5_000), 1_000, 200));

        assertThat(failure).isNotNull();
        assertThat(body.available()).isEqualTo(5);
    }
}
