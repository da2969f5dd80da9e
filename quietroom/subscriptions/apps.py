from django.apps import AppConfig


class SubscriptionsConfig(AppConfig):
    name = "quietroom.subscriptions"
    label = "quietroom_subscriptions"
    verbose_name = "Email subscriptions"

    def ready(self):
        from quietroom.inbox import rotation
        from quietroom.subscriptions import publishing

        publishing.connect()
        # Addresses are sealed with the inbox keys: a key rotation rewrites them too.
        rotation.register("quietroom_subscriptions.Subscriber.address")
