"""Words shown to users in exports, in English and simplified Chinese.

One table for the terms every export shares (indicators, roles, principles, units, the legend's
classes and the words of the web map and the map sheet), so the views and a report call things by
the same names; the symbols that go with them are in :mod:`spaceplanner.outputs.symbols`.
``label(key, lang)`` falls back to the English text, then to the key itself.
"""

from __future__ import annotations

__all__ = ["LANGS", "SHELTER_CLASS_KEYS", "label", "shelter_class_label"]

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
    "supermarket": ("Supermarket", "综合超市"),
    "express_delivery": ("Express delivery point", "快递服务设施"),
    "sports": ("Sports ground", "运动场地"),
    "cultural": ("Cultural activity station", "文化活动站"),
    "library": ("Library", "图书馆"),
    "community_centre": ("Community centre", "社区中心"),
    "hospital": ("Hospital", "医院"),
    "pharmacy": ("Pharmacy", "药店"),
    "police": ("Police station", "派出所"),
    "fire_station": ("Fire station", "消防站"),
    "other": ("Other facility", "其他设施"),
    "park_coverage": ("Park service-radius coverage", "公园绿地服务半径覆盖率"),
    "activity_site": ("Public activity site (≥ 150 m²)", "公共活动场地"),
    "neighbourhood_park": ("Neighbourhood park (≥ 4000 m²)", "社区游园"),
    "park_green": ("Public park green", "公园绿地"),
    "community_park": ("Community parks", "社区公园"),
    "shelter_area": ("Effective shelter area", "避难场所有效避难面积"),
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
    "uncovered_residents": ("Residents not covered", "未覆盖居民"),
    "shelters_over_capacity": ("Shelters over capacity", "超出容量的避难场所"),
    "hazard_zones": ("Hazard zones of the scenario", "情景灾害风险区"),
    "violation_zones": ("Violations: zones and bands met", "选址问题：涉及的区域与防护带"),
    "violation_removed": ("Violations: site area removed", "选址问题：扣除的场地面积"),
    "suggestions": ("Suggested sites", "建议场地"),
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
    "emergency": ("emergency", "急时"),  # the period; a shelter class is "class_emergency"
    "both": ("normal and emergency", "平时与急时"),
    "over_capacity": ("over capacity", "超出容量"),
    "steward": ("Responsible organisation", "责任主体"),
    "attribution": ("Data sources", "数据来源"),
    # shelter classes (GB 51143-2015 §3.1.4, GB 21734-2008): not the periods 平时/急时
    "class_emergency": ("Emergency shelter", "紧急避难场所"),
    "class_fixed": ("Fixed shelter", "固定避难场所"),
    "class_fixed_short": ("Short-term fixed shelter", "短期固定避难场所"),
    "class_fixed_mid": ("Medium-term fixed shelter", "中期固定避难场所"),
    "class_fixed_long": ("Long-term fixed shelter", "长期固定避难场所"),
    "class_central": ("Central shelter", "中心避难场所"),
    # legend classes
    "sheltered_all": ("all sheltered", "全部可安置"),
    "sheltered_part": ("partly sheltered", "部分可安置"),
    "sheltered_none": ("not sheltered", "无法安置"),
    "ineligible": ("ineligible / no capacity", "不可用 / 无容量"),
    "load_low": ("< 50 %", "< 50 %"),
    "load_mid": ("50–80 %", "50–80 %"),
    "load_high": ("80–100 %", "80–100 %"),
    "load_full": ("full", "已满"),
    "size_capacity": ("circle size = capacity", "圆大小 = 容量"),
    "size_population": ("circle size = population", "圆大小 = 人口"),
    "shelter_size": (
        "Shelter, size and label: capacity (persons)",
        "避难场所（大小、标注：容量/人）",
    ),
    # words of the web map and the map sheet
    "title": ("Resilient public space: map sheet", "韧性公共空间规划图"),
    "date": ("Date", "日期"),
    "rules": ("Rules", "规则"),
    "legend": ("Legend", "图例"),
    "basemap": ("Basemap", "底图"),
    "context": ("Context", "背景"),
    "features": ("Features", "要素数"),
    "sites": ("Sites", "场地与设施"),
    "layers": ("Layers", "图层"),
    "unserved_only": ("only those not served are drawn", "仅绘制未获服务的居民"),
    "indicator": ("Indicator", "指标"),
    "value": ("Value", "现状"),
    "result": ("Result", "结果"),
    "key_indicators": ("Key indicators", "主要指标"),
    "unsheltered": ("Unsheltered", "未安置人口"),
    "load": ("Load (assigned ÷ capacity)", "负荷（已分配÷容量）"),
    "spare": ("Spare", "剩余容量"),
    "nearest_demand": ("Nearest demand", "就近需求"),
    "eligible": ("Eligible", "可用"),
    "class": ("Class", "类别"),
    "use": ("Use", "用途"),
    "dual_use": ("dual use (平急两用)", "平急两用"),
    "capacity_removed": ("Capacity removed", "扣除容量"),
    "distance_m": ("Walking distance (m)", "步行距离（米）"),
    "radius_m": ("Radius (m)", "服务半径（米）"),
    "area_m2": ("Area (m²)", "面积（平方米）"),
    "residents_count": ("Resident points", "居民点数"),
    "kind": ("Kind", "类型"),
    "hazard": ("Hazard", "灾种"),
    "voltage": ("Voltage (kV)", "电压（千伏）"),
    "width": ("Width (m)", "宽度（米）"),
    "rule": ("Rule", "规则"),
    "principle": ("Principle", "原则"),
    "measured": ("Measured", "实测"),
    "required": ("Required", "要求"),
    "layer": ("Layer", "图层"),
    "id": ("ID", "编号"),
    "yes": ("yes", "是"),
    "no": ("no", "否"),
    "grid_north": (
        "North arrow: grid north of the plan's projected CRS {crs}; map units metres.",
        "指北针为规划投影坐标系 {crs} 的坐标北；地图单位为米。",
    ),
    "made_with": ("Made with SpacePlanner {version}.", "由 SpacePlanner {version} 生成。"),
    # the city health check's overview (map and atlas)
    "failed": ("Targets missed", "未达标项"),
    "open_map": ("Open its map", "打开社区地图"),
    "share_met": ("Share of targets met", "达标项比例"),
    "share": ("Share", "比例"),
    "not_evaluated": ("Not evaluated", "未评估"),
    "communities": ("communities", "个社区"),
    "below_standard": ("Communities below standard, per item", "各项不达标社区数"),
    "colour_share_met": ("colour: share of targets met", "颜色：达标项比例"),
}


#: The shelter classes of the catalogue, each with its term's key.
SHELTER_CLASS_KEYS = {
    c: f"class_{c}"
    for c in ("emergency", "fixed", "fixed_short", "fixed_mid", "fixed_long", "central")
}


def shelter_class_label(value: object, lang: str = "en") -> str:
    """The term of a shelter class (``emergency`` -> 紧急避难场所, never the period 急时); a
    value that is not a class is shown as it is, a missing one as empty text."""
    if value is None or value != value:  # None or NaN
        return ""
    key = SHELTER_CLASS_KEYS.get(str(value))
    return label(key, lang) if key else str(value)


def label(key: str, lang: str = "en") -> str:
    """The text for ``key`` in ``lang`` (``en`` or ``zh``)."""
    pair = _TERMS.get(key)
    if pair is None:
        return key.replace("_", " ")
    return pair[1] if lang == "zh" else pair[0]
