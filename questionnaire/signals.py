"""What the core announces, so apps built on it can react without the core knowing them.

Each is sent once the change is committed, with `audit=` the audit as it now stands.
"""

from django.dispatch import Signal

audit_submitted = Signal()
audit_reviewed = Signal()

# Asked rather than announced: each receiver returns {dimension: score} for the dimensions
# of `audit=` that someone has assessed by hand (a consultant's figure). The verdict uses
# those figures in place of the computed ones.
dimension_adjustments = Signal()
