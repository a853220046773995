package dev.herald.activities.email;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Just enough SMTP to answer RCPT TO and the end of DATA with chosen replies (GreenMail accepts
 * every recipient), and to count the connections clients open. One thread per connection.
 */
final class FakeSmtpServer implements AutoCloseable {

  static final String OK = "250 2.0.0 OK";

  private final String rcptReply;
  private final String dataReply;
  private final List<String> extensions;
  private final List<String> envelope = new CopyOnWriteArrayList<>();
  private final ServerSocket serverSocket;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final Set<Socket> clients = ConcurrentHashMap.newKeySet();
  private final AtomicInteger connections = new AtomicInteger();
  private final AtomicInteger accepted = new AtomicInteger();

  /** Answers RCPT TO with {@code rcptReply} and the end of DATA with {@code dataReply}. */
  FakeSmtpServer(String rcptReply, String dataReply) throws IOException {
    this(rcptReply, dataReply, List.of());
  }

  /** Also lists {@code extensions} (e.g. SMTPUTF8) in its EHLO reply. */
  FakeSmtpServer(String rcptReply, String dataReply, List<String> extensions) throws IOException {
    this.rcptReply = rcptReply;
    this.dataReply = dataReply;
    this.extensions = List.copyOf(extensions);
    this.serverSocket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    threads.execute(this::acceptLoop);
  }

  static FakeSmtpServer rejectingRecipients(String rcptReply) throws IOException {
    return new FakeSmtpServer(rcptReply, OK);
  }

  static FakeSmtpServer offering(String... extensions) throws IOException {
    return new FakeSmtpServer(OK, OK, List.of(extensions));
  }

  /** The MAIL FROM and RCPT TO commands received, as UTF-8 text. */
  List<String> envelope() {
    return List.copyOf(envelope);
  }

  int port() {
    return serverSocket.getLocalPort();
  }

  /** Connections opened so far. */
  int connections() {
    return connections.get();
  }

  /** Messages answered with a 250 at the end of DATA. */
  int accepted() {
    return accepted.get();
  }

  private void acceptLoop() {
    while (!serverSocket.isClosed()) {
      try {
        Socket client = serverSocket.accept();
        connections.incrementAndGet();
        clients.add(client);
        threads.execute(() -> converse(client));
      } catch (IOException closed) {
        return;
      }
    }
  }

  private void converse(Socket client) {
    try (client;
        var in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
        var out = new OutputStreamWriter(client.getOutputStream(), StandardCharsets.US_ASCII)) {
      reply(out, "220 fake ESMTP");
      String line;
      while ((line = in.readLine()) != null) {
        String verb = line.length() < 4 ? line : line.substring(0, 4).toUpperCase();
        switch (verb) {
          case "EHLO" -> {
            out.write("250-fake greets you\r\n");
            for (String extension : extensions) {
              out.write("250-" + extension + "\r\n");
            }
            reply(out, "250 HELP");
          }
          case "HELO", "RSET", "NOOP" -> reply(out, OK);
          case "MAIL" -> {
            envelope.add(line);
            reply(out, OK);
          }
          case "RCPT" -> {
            envelope.add(line);
            reply(out, rcptReply);
          }
          case "DATA" -> {
            reply(out, "354 end with <CRLF>.<CRLF>");
            while ((line = in.readLine()) != null && !line.equals(".")) {
              // the message itself is of no interest
            }
            if (dataReply.startsWith("250")) {
              accepted.incrementAndGet();
            }
            reply(out, dataReply);
          }
          case "QUIT" -> {
            reply(out, "221 bye");
            return;
          }
          default -> reply(out, "500 5.5.2 unknown command");
        }
      }
    } catch (IOException dropped) {
      // the client went away or the server is closing
    } finally {
      clients.remove(client);
    }
  }

  private static void reply(Writer out, String line) throws IOException {
    out.write(line + "\r\n");
    out.flush();
  }

  @Override
  public void close() throws IOException {
    serverSocket.close();
    for (Socket client : clients) {
      client.close();
    }
    threads.shutdownNow();
  }
}
