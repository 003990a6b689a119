from django.dispatch import Signal

# Sent inside the transaction that marks an outbound e-mail sent, with `email`
# (the OutboundEmail). The app that caused the mail may record it (an
# invitation's sent_at) without notifications knowing about that app.
email_sent = Signal()
