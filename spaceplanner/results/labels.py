"""Words shown to users in exports, in English and simplified Chinese.

One table for the terms every export shares (indicators, roles, principles, units), so a web map,
a map sheet and a report call things by the same names. ``label(key, lang)`` falls back to the
English text, then to the key itself.
"""

from __future__ import annotations

__all__ = ["LANGS", "label"]

LANGS = ("en", "zh")

_TERMS: dict[str, tuple[str, str]] = {
    # indicators (as in report.json and the gap layers)
    "shelter": ("Shelter within reach, with room", "可达且有容量的避难场所"),
    "space_5min": ("5-minute circle activity space", "5分钟生活圈活动空间"),
    "space_10min": ("10-minute circle activity space", "10分钟生活圈活动空间"),
    "space_15min": ("15-minute circle activity space", "15分钟生活圈活动空间"),
    "kindergarten": ("Kindergarten", "幼儿园"),
    "nursery": ("Nursery", "托育点"),
    "primary_school": ("Primary school", "小学"),
    "middle_school": ("Middle school", "中学"),
    "clinic": ("Community clinic", "社区卫生服务站"),
    "health_centre": ("Community health centre", "社区卫生服务中心"),
    "elderly_care": ("Elderly care", "养老服务设施"),
    "community_service": ("Community service station", "社区综合服务站"),
    "food_market": ("Food market", "菜市场"),
    "sports": ("Sports ground", "运动场地"),
    "cultural": ("Cultural activity station", "文化活动站"),
    "library": ("Library", "图书馆"),
    "community_centre": ("Community centre", "社区中心"),
    "other": ("Other facility", "其他设施"),
    # roles
    "residents": ("Residents", "居民"),
    "shelters": ("Emergency shelters", "应急避难场所"),
    "activity_spaces": ("Activity spaces", "活动空间"),
    "facilities": ("Community facilities", "社区设施"),
    "hazards": ("Hazard zones", "灾害风险区"),
    "hazard_sources": ("Hazard sources", "危险源"),
    "network": ("Walking network", "步行网络"),
    "buildings": ("Buildings", "建筑"),
    "boundary": ("Boundary", "边界"),
    "service_areas": ("Service areas", "服务范围"),
    "gap_areas": ("Gap areas", "服务盲区"),
    "violations": ("Siting violations", "选址问题"),
    # principles
    "避": ("Avoid hazards (避)", "避：避让灾害"),
    "防": ("Protective distance (防)", "防：防护距离"),
    "让": ("Give way / keep free (让)", "让：让出空间"),
    # words
    "covered": ("covered", "已覆盖"),
    "not_covered": ("not covered", "未覆盖"),
    "population": ("Population", "人口"),
    "capacity": ("Capacity", "容量"),
    "assigned": ("Assigned", "已分配"),
    "sheltered": ("Sheltered", "可避难人口"),
    "share_covered": ("Share covered", "覆盖率"),
    "per_capita_m2": ("m² per person", "人均面积（平方米）"),
    "target": ("Target", "目标"),
    "pass": ("pass", "达标"),
    "fail": ("fail", "未达标"),
    "not_assessed": ("not assessed", "未评估"),
    "source": ("Source", "依据"),
    "scenario": ("Scenario", "情景"),
    "period": ("Period", "时期"),
    "notes": ("Notes", "说明"),
    "flood": ("flood", "洪涝"),
    "earthquake": ("earthquake", "地震"),
    "fire": ("fire", "火灾"),
    "all": ("all hazards", "全部灾种"),
    "normal": ("normal times", "平时"),
    "emergency": ("emergency", "急时"),
    "both": ("normal and emergency", "平时与急时"),
    "over_capacity": ("over capacity", "超出容量"),
    "steward": ("Responsible organisation", "责任主体"),
    "attribution": ("Data sources", "数据来源"),
}


def label(key: str, lang: str = "en") -> str:
    """The text for ``key`` in ``lang`` (``en`` or ``zh``)."""
    pair = _TERMS.get(key)
    if pair is None:
        return key.replace("_", " ")
    return pair[1] if lang == "zh" else pair[0]
