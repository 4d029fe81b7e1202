"""Write paths of the money types that make their own keys: a contribution, a
disbursement or an exchange rate created without a key gets one from what it is."""

from cadre.training.services import KeyedService


class ContributionService(KeyedService):
    bulk_safe = True

    def key_parts(self, obj):
        return ["c", obj.trust_fund.key, obj.nation.code, obj.contributed_on]


class DisbursementService(KeyedService):
    bulk_safe = True

    def key_parts(self, obj):
        return ["d", obj.trust_fund.key, obj.disbursed_on]


class ExchangeRateService(KeyedService):
    bulk_safe = True

    def key_parts(self, obj):
        return ["fx", obj.currency, obj.valid_on]
