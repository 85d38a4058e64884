package org.dangjian.flow.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** HTTP as a logged-in user (HTTP Basic, as every REST client of ours), timing each request. */
public final class BenchClient {

  public record Response(int status, String body, long nanos) {
  }

  /** No answer at all: the connection failed or broke (a node that was killed, say). */
  public static class Unreachable extends IllegalStateException {
    Unreachable(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private final String baseUrl;

  public BenchClient(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public Response get(String user, String password, String path, String accept) {
    return send(request(user, password, path).header("Accept", accept).GET().build());
  }

  public Response post(String user, String password, String path, String accept, String json) {
    return send(request(user, password, path).header("Accept", accept).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
  }

  public Response put(String user, String password, String path, String json) {
    return send(request(user, password, path).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build());
  }

  /** The same, failing unless the answer is 2xx: a benchmark that times errors measures nothing. */
  public Response ok(Response response, String what) {
    if (response.status() / 100 != 2) {
      throw new IllegalStateException(what + " answered " + response.status() + ": " + response.body());
    }
    return response;
  }

  private HttpRequest.Builder request(String user, String password, String path) {
    String credentials = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofMinutes(5))
        .header("Authorization", "Basic " + credentials);
  }

  private Response send(HttpRequest request) {
    long start = System.nanoTime();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Response(response.statusCode(), response.body(), System.nanoTime() - start);
    } catch (IOException e) {
      throw new Unreachable(request.method() + " " + request.uri() + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}
