"""The audit every audit page starts from, read through SQL written once per process, is the
same audit the ORM gives: every field as the pages use it, its business loaded with it."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from questionnaire.lookups import audit_with_business
from questionnaire.models import Audit
from tests.factories import GOOD_ANSWERS, make_audit, make_business

pytestmark = pytest.mark.django_db


def fields_of(instance) -> dict:
    """Every column's value, and where the instance was read from (so that it saves there)."""
    values = {field.attname: getattr(instance, field.attname) for field in instance._meta.fields}
    return {**values, "read from": instance._state.db, "saved": not instance._state.adding}


def test_a_submitted_audit_reads_as_the_orm_reads_it(business):
    business.networks = ["instagram", "linkedin"]  # a JSON column, and its business's
    business.save()
    audit = make_audit(business, GOOD_ANSWERS, submit=True)  # datetimes, scores, profile set
    expected = Audit.objects.select_related("business").get(pk=audit.pk)

    read = audit_with_business(audit.pk)

    assert fields_of(read) == fields_of(expected)
    assert read.submitted_at is not None and read.dimension_scores  # not left as text
    with CaptureQueriesContext(connection) as queries:
        assert fields_of(read.business) == fields_of(expected.business)
    assert len(queries) == 0  # the business came with the audit
    assert read.business.networks == ["instagram", "linkedin"]


def test_a_saved_read_keeps_what_it_had(business):
    """An instance made from the row is an ordinary saved one: saving it changes that row."""
    audit = make_audit(business, {"customers": ["clear"]})
    read = audit_with_business(audit.pk)
    read.business.name = "Harbour Bakery"
    read.business.save()
    read.save()
    assert Audit.objects.count() == 1
    assert Audit.objects.get(pk=audit.pk).business.name == "Harbour Bakery"


def test_each_id_reads_its_own_audit_and_a_missing_one_reads_as_none(owner, business):
    first = make_audit(business)
    second = make_audit(make_business(owner, "Harbour Bakery"))
    assert audit_with_business(first.pk).business.name == "Corner Café"
    assert audit_with_business(second.pk).business.name == "Harbour Bakery"
    assert audit_with_business(second.pk + 1) is None


def test_a_missing_audit_is_a_404_page(owner_client, business):
    audit = make_audit(business)
    missing = reverse("questionnaire:audit_step", args=[audit.pk + 1, 1])
    assert owner_client.get(missing).status_code == 404
    assert (
        owner_client.get(reverse("questionnaire:audit_step", args=[audit.pk, 1])).status_code == 200
    )
