package dev.herald.activities.push;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

/** Devices by owner: a token is unique per owner, and every lookup but the dead-token ones names the owner. */
interface PushDeviceRepository extends ListCrudRepository<PushDevice, Long> {

  @Query("select * from push_device where owner = :owner and recipient_id = :recipientId order by created_at, id")
  List<PushDevice> findByRecipient(@Param("owner") String owner, @Param("recipientId") String recipientId);

  @Query("select * from push_device where owner = :owner and token = :token")
  Optional<PushDevice> findByToken(@Param("owner") String owner, @Param("token") String token);

  /** Whether any owner's registration of the token was deactivated: FCM declared the token itself dead. */
  @Query("select exists (select 1 from push_device where token = :token and not active)")
  boolean isDeactivated(@Param("token") String token);

  /** The reason FCM gave when it declared the token dead (first), for a registration of it by another owner. */
  @Query("select deactivated_reason from push_device where token = :token and not active order by deactivated_at limit 1")
  String deadReason(@Param("token") String token);

  /** The newest {@code limit} active tokens, oldest first. */
  @Query("""
      select token from (select token, created_at, id from push_device
                         where owner = :owner and recipient_id = :recipientId and active
                         order by created_at desc, id desc limit :limit) newest
      order by created_at, id""")
  List<String> findActiveTokens(@Param("owner") String owner, @Param("recipientId") String recipientId,
      @Param("limit") int limit);

  /** 1 when the token is new to the owner; 0 when the owner knows it already (active or not). */
  @Modifying
  @Query("""
      insert into push_device (owner, recipient_id, token, platform, active, created_at, updated_at)
      values (:owner, :recipientId, :token, :platform, true, now(), now())
      on conflict (owner, token) do nothing""")
  int insertIfAbsent(@Param("owner") String owner, @Param("recipientId") String recipientId,
      @Param("token") String token, @Param("platform") String platform);

  /** A device that changed hands (or reported another platform) belongs to the latest registration. */
  @Modifying
  @Query("""
      update push_device set recipient_id = :recipientId, platform = :platform, updated_at = now()
      where owner = :owner and token = :token and active
        and (recipient_id <> :recipientId or platform <> :platform)""")
  int reassign(@Param("owner") String owner, @Param("recipientId") String recipientId, @Param("token") String token,
      @Param("platform") String platform);

  /** Every owner's registration of the token: FCM's verdict is about the token, whoever registered it. */
  @Modifying
  @Query("""
      update push_device set active = false, deactivated_reason = :reason, deactivated_at = now(), updated_at = now()
      where token = :token and active""")
  int deactivate(@Param("token") String token, @Param("reason") String reason);

  @Modifying
  @Query("delete from push_device where owner = :owner and recipient_id = :recipientId and token = :token")
  int delete(@Param("owner") String owner, @Param("recipientId") String recipientId, @Param("token") String token);
}
