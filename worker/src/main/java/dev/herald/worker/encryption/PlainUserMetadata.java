package dev.herald.worker.encryption;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.MethodDescriptor;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.sdk.v1.UserMetadata;
import io.temporal.api.workflowservice.v1.SignalWithStartWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.StartWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc;
import java.util.List;
import java.util.Set;

/**
 * Keeps a workflow's summary and details plain on the way to Temporal: the SDK runs them through the
 * same data converter as the workflow's input, so they arrive encrypted; this decodes them again in
 * the start request. They are what the Temporal UI shows beside the search attributes to anyone who
 * may list workflows, so Herald puts no personal data in them (sender, channels, audience size).
 */
public final class PlainUserMetadata implements ClientInterceptor {

  private static final Set<String> STARTS = Set.of(
      WorkflowServiceGrpc.getStartWorkflowExecutionMethod().getFullMethodName(),
      WorkflowServiceGrpc.getSignalWithStartWorkflowExecutionMethod().getFullMethodName());

  private final EncryptionCodec codec;

  public PlainUserMetadata(EncryptionCodec codec) {
    this.codec = codec;
  }

  @Override
  public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
    ClientCall<Q, R> call = next.newCall(method, options);
    if (!STARTS.contains(method.getFullMethodName())) {
      return call;
    }
    return new ForwardingClientCall.SimpleForwardingClientCall<>(call) {
      @Override
      @SuppressWarnings("unchecked")
      public void sendMessage(Q message) {
        super.sendMessage((Q) plain(message));
      }
    };
  }

  Object plain(Object request) {
    if (request instanceof StartWorkflowExecutionRequest start && start.hasUserMetadata()) {
      return start.toBuilder().setUserMetadata(plain(start.getUserMetadata())).build();
    }
    if (request instanceof SignalWithStartWorkflowExecutionRequest start && start.hasUserMetadata()) {
      return start.toBuilder().setUserMetadata(plain(start.getUserMetadata())).build();
    }
    return request;
  }

  private UserMetadata plain(UserMetadata metadata) {
    UserMetadata.Builder plain = metadata.toBuilder();
    if (metadata.hasSummary()) {
      plain.setSummary(decoded(metadata.getSummary()));
    }
    if (metadata.hasDetails()) {
      plain.setDetails(decoded(metadata.getDetails()));
    }
    return plain.build();
  }

  private Payload decoded(Payload payload) {
    return codec.decode(List.of(payload)).get(0);
  }
}
