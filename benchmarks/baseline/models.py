from django.db import models


class Note(models.Model):
    key = models.CharField(max_length=40, unique=True)
    text = models.TextField(blank=True)

    def __str__(self) -> str:
        return self.key
