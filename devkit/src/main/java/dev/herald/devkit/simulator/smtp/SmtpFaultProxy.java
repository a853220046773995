package dev.herald.devkit.simulator.smtp;

import dev.herald.devkit.fault.SimulatorFault;
import dev.herald.devkit.fault.SimulatorFaults;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The front of the embedded SMTP sink: relays each SMTP conversation to the sink and, when a fault
 * is injected for "smtp", answers RCPT TO itself with the fault's reply code (e.g. 550 or 421),
 * delays commands, or never answers (the client times out). Dev mode and tests only.
 */
public final class SmtpFaultProxy implements AutoCloseable {

  public static final String SIMULATOR = "smtp";
  private static final Logger log = LoggerFactory.getLogger(SmtpFaultProxy.class);

  private final ServerSocket listener;
  private final int sinkPort;
  private final SimulatorFaults faults;
  private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
    Thread thread = new Thread(runnable, "smtp-fault-proxy");
    thread.setDaemon(true);
    return thread;
  });

  public SmtpFaultProxy(int port, int sinkPort, SimulatorFaults faults) throws IOException {
    this.listener = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
    this.sinkPort = sinkPort;
    this.faults = faults;
    threads.execute(this::accept);
  }

  public int port() {
    return listener.getLocalPort();
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        threads.execute(() -> relay(client));
      } catch (IOException e) {
        if (!listener.isClosed()) {
          log.warn("SMTP fault proxy accept failed: {}", e.getMessage());
        }
      }
    }
  }

  private void relay(Socket client) {
    try (client; Socket sink = new Socket(InetAddress.getLoopbackAddress(), sinkPort)) {
      // The relay writes line by line: with Nagle's algorithm each small write after the first waits
      // for the peer's delayed ACK (~40 ms), which capped a broadcast at ~150 mails/s.
      client.setTcpNoDelay(true);
      sink.setTcpNoDelay(true);
      OutputStream toClient = client.getOutputStream();
      threads.execute(() -> copy(sink, toClient));
      relayCommands(client.getInputStream(), sink.getOutputStream(), toClient);
    } catch (IOException e) {
      log.debug("SMTP conversation ended: {}", e.getMessage());
    }
  }

  /** Client to sink, line by line; outside DATA, RCPT TO may be answered by a fault instead. */
  private void relayCommands(InputStream fromClient, OutputStream toSink, OutputStream toClient) throws IOException {
    BufferedReader lines = new BufferedReader(new InputStreamReader(fromClient, StandardCharsets.ISO_8859_1));
    boolean inData = false;
    String line;
    while ((line = lines.readLine()) != null) {
      String command = line.toUpperCase(Locale.ROOT);
      if (!inData) {
        Optional<SimulatorFault> fault = faults.draw(SIMULATOR);
        if (fault.isPresent() && delayOrHang(fault.get()) && command.startsWith("RCPT TO") && fault.get().errorCode() != null) {
          synchronized (toClient) {
            toClient.write((reply(fault.get().errorCode()) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            toClient.flush();
          }
          faults.countInjected(SIMULATOR);
          continue;
        }
        inData = command.equals("DATA");
      } else if (line.equals(".")) {
        inData = false;
      }
      toSink.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
      toSink.flush();
    }
  }

  /** Applies latency; a timeout fault holds the command forever. Returns whether to go on. */
  private static boolean delayOrHang(SimulatorFault fault) throws IOException {
    try {
      if (fault.timeout()) {
        TimeUnit.DAYS.sleep(1);
      }
      if (fault.latency() != null) {
        TimeUnit.MILLISECONDS.sleep(fault.latency().toMillis());
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }

  private static String reply(String code) {
    return switch (code.charAt(0)) {
      case '5' -> code + " 5.1.1 simulated: mailbox unavailable";
      case '4' -> code + " 4.3.0 simulated: try again later";
      default -> code + " simulated reply";
    };
  }

  private static void copy(Socket from, OutputStream to) {
    byte[] buffer = new byte[8192];
    try {
      InputStream in = from.getInputStream();
      int read;
      while ((read = in.read(buffer)) >= 0) {
        synchronized (to) {
          to.write(buffer, 0, read);
          to.flush();
        }
      }
    } catch (IOException e) {
      log.debug("SMTP sink stream ended: {}", e.getMessage());
    }
  }

  @Override
  public void close() throws IOException {
    listener.close();
    threads.shutdownNow();
  }
}
