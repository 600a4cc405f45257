package org.imagesearch.ledger.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * An HTTP/1.1 client over one keep-alive loopback connection, written out so that the client costs
 * next to nothing beside the server it measures (the JDK's HttpClient adds milliseconds per request
 * on two cores). It speaks just what the ledger answers: Content-Length or chunked bodies.
 */
final class RawHttp implements AutoCloseable {

    record Response(int status, String body) {
    }

    private static final ThreadLocal<RawHttp> POOLED = new ThreadLocal<>();
    private static final java.util.Set<RawHttp> ALL_POOLED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final int port;
    private final byte[] head;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    RawHttp(int port, String key) {
        this.port = port;
        head = ("Host: 127.0.0.1:" + port + "\r\nAuthorization: Bearer " + key + "\r\nAccept: application/json\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        connect();
    }

    /** Opens the connection: at the start, and again when the server closed it (Tomcat does every 100 requests). */
    private void connect() {
        try {
            socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * This thread's connection, kept open for the thread's next requests until {@link #closePooled()}.
     * Each {@link Load#run} has threads of its own, so each load opens connections of its own.
     */
    static RawHttp pooled(int port, String key) {
        RawHttp http = POOLED.get();
        if (http == null) {
            http = new RawHttp(port, key);
            POOLED.set(http);
            ALL_POOLED.add(http);
        }
        return http;
    }

    static void closePooled() {
        ALL_POOLED.forEach(RawHttp::closeQuietly);
        ALL_POOLED.clear();
    }

    String expect(int status, String method, String path, String body) throws IOException {
        Response response = send(method, path, body);
        if (response.status() != status) {
            throw new IllegalStateException(method + " " + path + " answered " + response.status() + ": "
                    + response.body());
        }
        return response.body();
    }

    Response send(String method, String path, String body) throws IOException {
        byte[] content = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        out.write((method + " " + path + " HTTP/1.1\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(head);
        if (content != null) {
            out.write(("Content-Type: application/json\r\nContent-Length: " + content.length + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
        }
        out.write('\r');
        out.write('\n');
        if (content != null) {
            out.write(content);
        }
        out.flush();
        String statusLine = line();
        int status = Integer.parseInt(statusLine.substring(9, 12));
        int length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String lower = header.toLowerCase();
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(header.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            } else if (lower.startsWith("connection:") && lower.contains("close")) {
                close = true;
            }
        }
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        if (chunked) {
            for (int size = Integer.parseInt(line().trim(), 16); size > 0; size = Integer.parseInt(line().trim(), 16)) {
                received.write(in.readNBytes(size));
                line();
            }
            line();
        } else if (length > 0) {
            received.write(in.readNBytes(length));
        }
        if (close) {
            closeQuietly();
            connect();
        }
        return new Response(status, received.toString(StandardCharsets.UTF_8));
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new IOException("The server closed the connection");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private void closeQuietly() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }

    @Override
    public void close() {
        closeQuietly();
    }
}
