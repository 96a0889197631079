"""Calendars a host must mind: public holidays at the site and in the client's country, the
factory's shutdowns, Ramadan, prayer times and Shabbat. Pure functions over well-kept libraries
(`holidays`, `hijridate`, `astral`), offline; no database, no Qt."""
