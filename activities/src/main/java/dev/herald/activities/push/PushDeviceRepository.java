package dev.herald.activities.push;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

interface PushDeviceRepository extends ListCrudRepository<PushDevice, Long> {

  @Query("select * from push_device where recipient_id = :recipientId order by created_at, id")
  List<PushDevice> findByRecipient(@Param("recipientId") String recipientId);

  @Query("select * from push_device where token = :token")
  Optional<PushDevice> findByToken(@Param("token") String token);

  /** The newest {@code limit} active tokens, oldest first. */
  @Query("""
      select token from (select token, created_at, id from push_device where recipient_id = :recipientId and active
                         order by created_at desc, id desc limit :limit) newest
      order by created_at, id""")
  List<String> findActiveTokens(@Param("recipientId") String recipientId, @Param("limit") int limit);

  /** 1 when the token is new; 0 when it is known already (to anyone, active or not). */
  @Modifying
  @Query("""
      insert into push_device (recipient_id, token, platform, active, created_at, updated_at)
      values (:recipientId, :token, :platform, true, now(), now())
      on conflict (token) do nothing""")
  int insertIfAbsent(@Param("recipientId") String recipientId, @Param("token") String token,
      @Param("platform") String platform);

  /** A device that changed hands (or reported another platform) belongs to the latest registration. */
  @Modifying
  @Query("""
      update push_device set recipient_id = :recipientId, platform = :platform, updated_at = now()
      where token = :token and active and (recipient_id <> :recipientId or platform <> :platform)""")
  int reassign(@Param("recipientId") String recipientId, @Param("token") String token,
      @Param("platform") String platform);

  @Modifying
  @Query("""
      update push_device set active = false, deactivated_reason = :reason, deactivated_at = now(), updated_at = now()
      where token = :token and active""")
  int deactivate(@Param("token") String token, @Param("reason") String reason);

  @Modifying
  @Query("delete from push_device where recipient_id = :recipientId and token = :token")
  int delete(@Param("recipientId") String recipientId, @Param("token") String token);
}
