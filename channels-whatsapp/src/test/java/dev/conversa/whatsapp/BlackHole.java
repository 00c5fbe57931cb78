package dev.conversa.whatsapp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * A port on 127.0.0.1 where a connection is never accepted: the listener's backlog of one is
 * filled by connections this class opens and never accepts, so the kernel drops further
 * handshakes and a client's connect times out.
 */
final class BlackHole implements AutoCloseable {

    private final ServerSocket listener;
    private final List<Socket> fillers = new ArrayList<>();

    BlackHole() {
        try {
            listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the black hole on 127.0.0.1", e);
        }
        fill();
    }

    private void fill() {
        try {
            for (int i = 0; i < 4; i++) {
                Socket filler = new Socket();
                fillers.add(filler);
                filler.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort()), 200);
            }
        } catch (SocketTimeoutException full) {
            // the backlog is full: from now on, connects time out
        } catch (IOException e) {
            throw new UncheckedIOException("cannot fill the black hole's backlog", e);
        }
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort());
    }

    @Override
    public void close() throws IOException {
        for (Socket filler : fillers) {
            filler.close();
        }
        listener.close();
    }
}
