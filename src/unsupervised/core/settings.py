"""A setting the data cannot support, named as the user wrote it.

Some settings can only be checked once a step has read its data (more clusters than
samples, more labels than training instances). The science raises SettingError naming its
own argument; the step runner renames it after the config key the rule declares for it
(``params.setting_keys``), so the package never spells a key of the config.
"""

from __future__ import annotations


class SettingError(ValueError):
    """`problem` may mention ``{setting}``, filled with the setting's name."""

    def __init__(self, setting: str, value: object, problem: str) -> None:
        self.setting, self.value, self.problem = setting, value, problem
        super().__init__(f"{setting}={value}: {problem.format(setting=setting)}")

    def renamed(self, key: str) -> SettingError:
        return SettingError(key, self.value, self.problem)
