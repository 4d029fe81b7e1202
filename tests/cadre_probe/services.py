from cadre.core.services import RecordConflict, RecordService

from .models import Briefing, Receipt, Seat


class SeatService(RecordService):
    """A seat is taken only while the briefing has one free: the briefing row is locked
    before the seats are counted, so parallel writers queue rather than overbook."""

    def lock(self, obj):
        Briefing.objects.select_for_update().get(pk=obj.briefing_id)

    def check(self, obj, many, action):
        taken = Seat.objects.filter(briefing_id=obj.briefing_id).exclude(pk=obj.pk).count()
        if taken >= obj.briefing.capacity:
            raise RecordConflict(f"{obj.briefing} has no free seat ({taken} taken).")


class ReceiptService(RecordService):
    def issue(self, *, user, briefing, note=""):
        return self.save(
            Receipt(key=f"receipt-{briefing.key}", briefing=briefing, note=note), user=user
        )
