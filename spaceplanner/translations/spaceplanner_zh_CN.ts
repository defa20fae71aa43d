<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>@default</name>
    <message>
        <location filename="../profiles/cn-community.toml" line="9"/>
        <source>China: complete community (完整居住社区建设标准) and urban health check (城市体检), on GB 50180-2018 / GB 55014-2021 / GB 50413</source>
        <translation>中国：完整居住社区（完整居住社区建设标准）与城市体检，依据 GB 50180-2018 / GB 55014-2021 / GB 50413</translation>
    </message>
    <message>
        <location filename="../profiles/cn-community.toml" line="17"/>
        <source>完整居住社区建设标准（试行）(建科规〔2020〕7号 annex): 社区综合服务站 in the 5-minute circle (300 m, GB 50180-2018 §3.0.4)</source>
        <translation>完整居住社区建设标准（试行）（建科规〔2020〕7号附件）：社区综合服务站位于5分钟生活圈内（300 米，GB 50180-2018 §3.0.4）</translation>
    </message>
    <message>
        <location filename="../profiles/cn-community.toml" line="18"/>
        <source>完整居住社区建设标准（试行）: one 社区综合服务站 (≈800 m² floor area) per complete community</source>
        <translation>完整居住社区建设标准（试行）：每个完整居住社区设一处社区综合服务站（建筑面积约 800 m²）</translation>
    </message>
    <message>
        <location filename="../profiles/cn-community.toml" line="21"/>
        <source>完整居住社区建设标准（试行）: 幼儿园 in the 5-minute circle (300 m, GB 50180-2018 §3.0.4)</source>
        <translation>完整居住社区建设标准（试行）：幼儿园位于5分钟生活圈内（300 米，GB 50180-2018 §3.0.4）</translation>
    </message>
    <message>
        <location filename="../profiles/cn-community.toml" line="22"/>
        <source>完整居住社区建设标准（试行）: one 幼儿园 (≥ 6 classes) per complete community</source>
        <translation>完整居住社区建设标准（试行）：每个完整居住社区设一所幼儿园（≥ 6 班）</translation>
    </message>
    <message>
        <location filename="../profiles/cn-community.toml" line="25"/>
        <source>完整居住社区建设标准（试行）: 托育点 in the 5-minute circle (300 m, GB 50180-2018 §3.0.4)</source>
        <translation>完整居住社区建设标准（试行）：托育点位于5分钟生活圈内（300 米，GB 50180-2018 §3.0.4）</translation>
    </message>
    <message>
        <location filename="../profiles/cn-community.toml" line="26"/>
        <source>完整居住社区建设标准（试行）: one 托育点 (≥ 200 m²) per complete community</source>
        <translation>完整居住社区建设标准（试行）：每个完整居住社区设一处托育点（≥ 200 m²）</translation>
    </message>
    <message>
        <location filename="../profiles/cn-community.toml" line="29"/>
        <source>完整居住社区建设标准（试行）: 老年服务站 in the 5-minute circle (300 m, GB 50180-2018 §3.0.4)</source>
        <translation>完整居住社区建设标准（试行）：老年服务站位于5分钟生活圈内（300 米，GB 50180-2018 §3.0.4）</translation>
    </message>
    <message>
        <location filename="../profiles/cn-community.toml" line="30"/>
        <source>完整居住社区建设标准（试行）: one 老年服务站 (day care ≥ 350 m² where possible) per complete community</source>
        <translation>完整居住社区建设标准（试行）：每个完整居住社区设一处老年服务站（有条件的设日间照料，≥ 350 m²）</translation>
    </message>
    <message>
        <location filename="../profiles/cn-community.toml" line="33"/>
        <source>完整居住社区建设标准（试行）: 社区卫生服务站 in the 5-minute circle (300 m, GB 50180-2018 §3.0.4)</source>
        <translation>完整居住社区建设标准（试行）：社区卫生服务站位于5分钟生活圈内（300 米，GB 50180-2018 §3.0.4）</translation>
    </message>
    <message>
        <location filename="../profiles/cn-community.toml" line="34"/>
        <source>完整居住社区建设标准（试行）: one 社区卫生服务站 (≥ 120 m²) per complete community</source>
        <translation>完整居住社区建设标准（试行）：每个完整居住社区设一处社区卫生服务站（≥ 120 m²）</translation>
    </message>
    <message>
        <location filename="../profiles/cn-community.toml" line="37"/>
        <source>完整居住社区建设标准（试行）: 综合超市 in the 5-minute circle (300 m, GB 50180-2018 §3.0.4)</source>
        <translation>完整居住社区建设标准（试行）：综合超市位于5分钟生活圈内（300 米，GB 50180-2018 §3.0.4）</translation>
    </message>
    <message>
        <location filename="../profiles/cn-community.toml" line="38"/>
        <source>完整居住社区建设标准（试行）: one 综合超市 (≥ 300 m²) per complete community</source>
        <translation>完整居住社区建设标准（试行）：每个完整居住社区设一处综合超市（≥ 300 m²）</translation>
    </message>
    <message>
        <location filename="../profiles/cn-community.toml" line="41"/>
        <source>完整居住社区建设标准（试行）: 快递设施 (express delivery point, parcel lockers) in the 5-minute circle (300 m, GB 50180-2018 §3.0.4)</source>
        <translation>完整居住社区建设标准（试行）：快递设施（快递服务点、智能快件箱）位于5分钟生活圈内（300 米，GB 50180-2018 §3.0.4）</translation>
    </message>
    <message>
        <location filename="../profiles/cn-community.toml" line="42"/>
        <source>完整居住社区建设标准（试行）: 邮件和快件寄递服务设施 in every complete community</source>
        <translation>完整居住社区建设标准（试行）：每个完整居住社区设邮件和快件寄递服务设施</translation>
    </message>
    <message>
        <location filename="../profiles/cn-community.toml" line="52"/>
        <source>GB 55014-2021 §2.1.3 (mandatory): 公园绿地服务半径覆盖率 not below 80 %</source>
        <translation>GB 55014-2021 §2.1.3（强制性条文）：公园绿地服务半径覆盖率不低于 80 %</translation>
    </message>
    <message>
        <location filename="../profiles/cn-community.toml" line="55"/>
        <source>GB/T 50563-2010 (城市园林绿化评价标准), MOHURD 城市体检 2021: parks of 2000–5000 m² serve 300 m</source>
        <translation>GB/T 50563-2010（城市园林绿化评价标准），住房和城乡建设部城市体检 2021：2000–5000 m² 的公园服务半径 300 米</translation>
    </message>
    <message>
        <location filename="../profiles/cn-community.toml" line="56"/>
        <source>GB/T 50563-2010, MOHURD 城市体检 2021: 2000–5000 m² parks, 300 m service radius</source>
        <translation>GB/T 50563-2010，住房和城乡建设部城市体检 2021：2000–5000 m² 的公园，服务半径 300 米</translation>
    </message>
    <message>
        <location filename="../profiles/cn-community.toml" line="59"/>
        <source>GB/T 50563-2010, MOHURD 城市体检 2021: parks of ≥ 5000 m² serve 500 m</source>
        <translation>GB/T 50563-2010，住房和城乡建设部城市体检 2021：≥ 5000 m² 的公园服务半径 500 米</translation>
    </message>
    <message>
        <location filename="../profiles/cn-community.toml" line="60"/>
        <source>GB/T 50563-2010, MOHURD 城市体检 2021: ≥ 5000 m² parks, 500 m service radius</source>
        <translation>GB/T 50563-2010，住房和城乡建设部城市体检 2021：≥ 5000 m² 的公园，服务半径 500 米</translation>
    </message>
    <message>
        <location filename="../profiles/cn-community.toml" line="64"/>
        <source>SpacePlanner default: every resident within the 5-minute walk of a public activity site (the standard asks for ≥ 1 per community)</source>
        <translation>本工具默认：每位居民步行5分钟内有公共活动场地（标准要求每个社区至少一处）</translation>
    </message>
    <message>
        <location filename="../profiles/cn-community.toml" line="67"/>
        <source>完整居住社区建设标准（试行）: 公共活动场地, at least one of ≥ 150 m² (≥ 800 m² multi-sport where possible)</source>
        <translation>完整居住社区建设标准（试行）：公共活动场地至少一处 ≥ 150 m²（有条件的设 ≥ 800 m² 多功能运动场地）</translation>
    </message>
    <message>
        <location filename="../profiles/cn-community.toml" line="77"/>
        <source>完整居住社区建设标准（试行）: in the 5-minute circle (300 m, GB 50180-2018 §3.0.4)</source>
        <translation>完整居住社区建设标准（试行）：位于5分钟生活圈内（300 米，GB 50180-2018 §3.0.4）</translation>
    </message>
    <message>
        <location filename="../profiles/cn-community.toml" line="73"/>
        <source>SpacePlanner default: every resident within the 5-minute walk of a 社区游园 (the standard asks for one per new community)</source>
        <translation>本工具默认：每位居民步行5分钟内有社区游园（标准要求每个新建社区一处）</translation>
    </message>
    <message>
        <location filename="../profiles/cn-community.toml" line="76"/>
        <source>完整居住社区建设标准（试行）: new communities have a 社区游园 of ≥ 4000 m² (GB 50180-2018 §4.0.4: 5-minute circle park ≥ 0.4 ha)</source>
        <translation>完整居住社区建设标准（试行）：新建社区设 ≥ 4000 m² 的社区游园（GB 50180-2018 §4.0.4：5分钟生活圈公园 ≥ 0.4 公顷）</translation>
    </message>
    <message>
        <location filename="../profiles/cn-community.toml" line="85"/>
        <source>GB 55014-2021 §2.1.4 (mandatory): public park green (公园绿地) not below 8.0 m²/person</source>
        <translation>GB 55014-2021 §2.1.4（强制性条文）：人均公园绿地面积不低于 8.0 m²/人</translation>
    </message>
    <message>
        <location filename="../profiles/cn-community.toml" line="89"/>
        <source>CJJ/T 85-2017 (城市绿地分类标准) G12: a community park (社区公园) is preferably over 1 ha; smaller parks are 游园</source>
        <translation>CJJ/T 85-2017（城市绿地分类标准）G12：社区公园规模宜大于 1 公顷；更小的为游园</translation>
    </message>
    <message>
        <location filename="../profiles/cn-community.toml" line="90"/>
        <source>CJJ/T 85-2017 G11: parks over 10 ha are comprehensive parks (综合公园), not community parks</source>
        <translation>CJJ/T 85-2017 G11：大于 10 公顷的公园为综合公园，不属于社区公园</translation>
    </message>
    <message>
        <location filename="../profiles/cn-community.toml" line="91"/>
        <source>GB 55014-2021 §2.1.4 (mandatory): community parks (社区公园) not below 3.0 m²/person</source>
        <translation>GB 55014-2021 §2.1.4（强制性条文）：人均社区公园面积不低于 3.0 m²/人</translation>
    </message>
    <message>
        <location filename="../profiles/cn-community.toml" line="97"/>
        <source>建科〔2023〕75号 城市体检 indicator 人均避难场所有效避难面积 (no national pass line); SpacePlanner compares it with GB 50413-2007 §8.2.8's 1.0 m² per person of an emergency shelter</source>
        <translation>建科〔2023〕75号城市体检指标“人均避难场所有效避难面积”（无全国统一达标线）；本工具以 GB 50413-2007 §8.2.8 紧急避难场所人均 1.0 m² 对照</translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="6"/>
        <source>China: GB 50413 / GB 51143 / GB 21734 (shelters), GB 50180-2018 (life circles)</source>
        <translation>中国国家标准：GB 50413 / GB 51143 / GB 21734（避难场所），GB 50180-2018（生活圈）</translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="10"/>
        <source>GB 50180-2018 §3.0.4: the 5-minute circle is a 300 m walk</source>
        <translation>GB 50180-2018 §3.0.4：5分钟生活圈为步行 300 米</translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="11"/>
        <source>SpacePlanner default: typical walking-route circuity of 1.2–1.4 in grid cities, used only without a network layer</source>
        <translation>本工具默认：方格路网城市步行路径绕行系数通常为 1.2–1.4，仅在没有路网图层时使用</translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="12"/>
        <source>SpacePlanner default: a point farther from any walkable line is unreachable</source>
        <translation>本工具默认：离任何可步行线路更远的点视为不可达</translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="13"/>
        <source>SpacePlanner default: the network within 20 m of a site&apos;s boundary reaches it</source>
        <translation>本工具默认：场地边界 20 米以内的路网可进入该场地</translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="14"/>
        <source>SpacePlanner default: half a typical block depth around the reachable network</source>
        <translation>本工具默认：可达路网两侧各取半个典型街坊进深</translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="20"/>
        <source>GB 50413-2007 §8.2.10: emergency shelter service radius 500 m (≈10 min walk)</source>
        <translation>GB 50413-2007 §8.2.10：紧急避难场所服务半径 500 米（步行约 10 分钟）</translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="21"/>
        <source>GB 50413-2007 §8.2.8: emergency shelter ≥ 1.0 m² effective area per person</source>
        <translation>GB 50413-2007 §8.2.8：紧急避难场所人均有效避难面积 ≥ 1.0 m²</translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="22"/>
        <source>GB 50413-2007 §8.2.9: emergency shelter ≥ 0.1 ha</source>
        <translation>GB 50413-2007 §8.2.9：紧急避难场所用地 ≥ 0.1 公顷</translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="40"/>
        <source>GB 50413-2007 §8.2.10: fixed shelter service radius 2–3 km (lower bound)</source>
        <translation>GB 50413-2007 §8.2.10：固定避难场所服务半径 2–3 公里（取下限）</translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="26"/>
        <source>GB 50413-2007 §8.2.8: fixed shelter ≥ 2.0 m² effective area per person</source>
        <translation>GB 50413-2007 §8.2.8：固定避难场所人均有效避难面积 ≥ 2.0 m²</translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="42"/>
        <source>GB 50413-2007 §8.2.9: fixed shelter ≥ 1 ha</source>
        <translation>GB 50413-2007 §8.2.9：固定避难场所用地 ≥ 1 公顷</translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="31"/>
        <source>GB 51143-2015 per-phase table: short-term 2.0 m²/person</source>
        <translation>GB 51143-2015 分期表：短期 2.0 m²/人</translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="36"/>
        <source>GB 51143-2015 per-phase table: mid-term 3.0 m²/person</source>
        <translation>GB 51143-2015 分期表：中期 3.0 m²/人</translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="41"/>
        <source>GB 51143-2015 per-phase table: long-term 4.5 m²/person</source>
        <translation>GB 51143-2015 分期表：长期 4.5 m²/人</translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="45"/>
        <source>GB 50413-2007 §8.2.10: service radius 2–3 km (upper bound, for central shelters)</source>
        <translation>GB 50413-2007 §8.2.10：服务半径 2–3 公里（中心避难场所取上限）</translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="46"/>
        <source>GB 50413-2007 §8.2.8: fixed shelter ≥ 2.0 m² per person (central shelters are fixed)</source>
        <translation>GB 50413-2007 §8.2.8：固定避难场所人均 ≥ 2.0 m²（中心避难场所属固定避难场所）</translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="47"/>
        <source>GB 50413-2007 §8.2.9: central shelter ≥ 50 ha</source>
        <translation>GB 50413-2007 §8.2.9：中心避难场所用地 ≥ 50 公顷</translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="50"/>
        <source>GB 50180-2018 §3.0.4: 5-minute life circle, 300 m walk</source>
        <translation>GB 50180-2018 §3.0.4：5分钟生活圈，步行 300 米</translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="51"/>
        <source>GB 50180-2018 §4.0.4: 5-minute circle park ≥ 0.4 ha</source>
        <translation>GB 50180-2018 §4.0.4：5分钟生活圈公园 ≥ 0.4 公顷</translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="52"/>
        <source>GB 50180-2018 §4.0.4: 5-minute circle public green ≥ 1.0 m²/person</source>
        <translation>GB 50180-2018 §4.0.4：5分钟生活圈人均公共绿地 ≥ 1.0 m²/人</translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="55"/>
        <source>GB 50180-2018 §3.0.4: 10-minute life circle, 500 m walk</source>
        <translation>GB 50180-2018 §3.0.4：10分钟生活圈，步行 500 米</translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="56"/>
        <source>GB 50180-2018 §4.0.4: 10-minute circle park ≥ 1 ha</source>
        <translation>GB 50180-2018 §4.0.4：10分钟生活圈公园 ≥ 1 公顷</translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="57"/>
        <source>GB 50180-2018 §4.0.4: 10-minute circle public green ≥ 1.0 m²/person</source>
        <translation>GB 50180-2018 §4.0.4：10分钟生活圈人均公共绿地 ≥ 1.0 m²/人</translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="60"/>
        <source>GB 50180-2018 §3.0.4: 15-minute life circle, 800–1000 m walk</source>
        <translation>GB 50180-2018 §3.0.4：15分钟生活圈，步行 800–1000 米</translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="61"/>
        <source>GB 50180-2018 §4.0.4: 15-minute circle park ≥ 5 ha</source>
        <translation>GB 50180-2018 §4.0.4：15分钟生活圈公园 ≥ 5 公顷</translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="62"/>
        <source>GB 50180-2018 §4.0.4: 15-minute circle public green ≥ 2.0 m²/person</source>
        <translation>GB 50180-2018 §4.0.4：15分钟生活圈人均公共绿地 ≥ 2.0 m²/人</translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="65"/>
        <source>GB 50180-2018 App. C: kindergarten, 300 m (H in the 1993 edition)</source>
        <translation>GB 50180-2018 附录C：幼儿园，300 米（1993 版规范为强制）</translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="67"/>
        <source>GB 50180-2018 App. C: nursery (托育), 300 m</source>
        <translation>GB 50180-2018 附录C：托育点，300 米</translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="69"/>
        <source>GB 50180-2018 App. B: primary school, 500 m (H in the 1993 edition)</source>
        <translation>GB 50180-2018 附录B：小学，500 米（1993 版规范为强制）</translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="71"/>
        <source>GB 50180-2018 App. B: junior middle school, 1000 m</source>
        <translation>GB 50180-2018 附录B：初中，1000 米</translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="73"/>
        <source>GB 50180-2018 App. C: community health station, 300 m</source>
        <translation>GB 50180-2018 附录C：社区卫生服务站，300 米</translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="75"/>
        <source>GB 50180-2018 App. B: community health service centre, 1000 m</source>
        <translation>GB 50180-2018 附录B：社区卫生服务中心，1000 米</translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="77"/>
        <source>GB 50180-2018 App. C: elderly day care, 300 m</source>
        <translation>GB 50180-2018 附录C：老年人日间照料中心，300 米</translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="79"/>
        <source>GB 50180-2018 App. C: community service station, 300 m</source>
        <translation>GB 50180-2018 附录C：社区服务站，300 米</translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="81"/>
        <source>GB 50180-2018 App. B/C: food market, 500 m</source>
        <translation>GB 50180-2018 附录B/C：菜市场，500 米</translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="83"/>
        <source>GB 50180-2018 App. B/C: mid-size sports ground, 500 m</source>
        <translation>GB 50180-2018 附录B/C：中型多功能运动场地，500 米</translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="85"/>
        <source>GB 50180-2018 App. B/C: cultural activity station, 500 m</source>
        <translation>GB 50180-2018 附录B/C：文化活动站，500 米</translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="87"/>
        <source>GB 50180-2018 App. B: cultural activity centre (incl. reading rooms), 1000 m</source>
        <translation>GB 50180-2018 附录B：文化活动中心（含阅览室），1000 米</translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="89"/>
        <source>GB 50180-2018 App. B: cultural activity centre, 1000 m</source>
        <translation>GB 50180-2018 附录B：文化活动中心，1000 米</translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="95"/>
        <source>GB 21734-2008 §5.2.2 asks for flat, well-drained ground without a figure; SpacePlanner default 15 %</source>
        <translation>GB 21734-2008 §5.2.2 要求场地平坦、排水良好，未给数值；本工具默认 15 %</translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="96"/>
        <source>GB 50352-2019 §3.1.2: buildings over 24 m (27 m residential) are high-rise; GB 21734-2008 §5.2.4 avoid their collapse range</source>
        <translation>GB 50352-2019 §3.1.2：高度超过 24 米（住宅 27 米）为高层建筑；GB 21734-2008 §5.2.4 避开其倒塌范围</translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="97"/>
        <source>planning lecture notes: collapse (debris) zone about 1/2–2/3 of building height (upper bound)</source>
        <translation>规划教材：倒塌（废墟）影响范围约为建筑高度的 1/2–2/3（取上限）</translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="98"/>
        <source>SpacePlanner default: storey height used when only floors are given</source>
        <translation>本工具默认：只有层数时采用的层高</translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="101"/>
        <source>GB 50156-2012 §4.0.4: tanks and dispensers ≥ 50 m from important public buildings</source>
        <translation>GB 50156-2012 §4.0.4：油罐、加油机与重要公共建筑物间距 ≥ 50 米</translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="102"/>
        <source>GB 50156-2012 §4.0.4 (as petrol stations; gas stations are covered by the same code)</source>
        <translation>GB 50156-2012 §4.0.4（同加油站；加气站适用同一规范）</translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="104"/>
        <source>GB 50413-2007 §8.2.7: ≥ 1000 m from major fire or explosion sources</source>
        <translation>GB 50413-2007 §8.2.7：距重大火灾或爆炸危险源 ≥ 1000 米</translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="105"/>
        <source>GB 50413-2007 §8.2.7: ≥ 30 m from ordinary secondary fire sources</source>
        <translation>GB 50413-2007 §8.2.7：距一般次生火灾源 ≥ 30 米</translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="106"/>
        <source>GB 50413-2007 §8.2.7: ≥ 30 m from ordinary secondary fire sources; industrial land of unknown use is taken as one (a plant storing hazardous chemicals is major_fire_explosion, 1000 m)</source>
        <translation>GB 50413-2007 §8.2.7：距一般次生火灾源 ≥ 30 米；用途不明的工业用地按此计（储存危险化学品的工厂属重大火灾爆炸危险源 major_fire_explosion，1000 米）</translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="107"/>
        <source>general code §4.1.2(4): long-distance oil/gas pipelines must not cross a shelter; 5 m each side as a SpacePlanner default band</source>
        <translation>通用规范 §4.1.2(4)：长输油气管道不得穿越避难场所；两侧各 5 米为本工具默认防护带</translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="112"/>
        <source>a city planning rule: 10 kV line, 5.75 m each side</source>
        <translation>城市规划规定：10 kV 线路，每侧 5.75 米</translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="113"/>
        <source>a city planning rule: 35 kV line, 12 m each side</source>
        <translation>城市规划规定：35 kV 线路，每侧 12 米</translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="114"/>
        <source>a city planning rule: 110 kV line, 12.5 m each side</source>
        <translation>城市规划规定：110 kV 线路，每侧 12.5 米</translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="115"/>
        <source>a city planning rule: 220 kV line, 20 m each side</source>
        <translation>城市规划规定：220 kV 线路，每侧 20 米</translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="116"/>
        <source>a city planning rule: 500 kV line, 32.5 m each side</source>
        <translation>城市规划规定：500 kV 线路，每侧 32.5 米</translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="119"/>
        <source>general code §4.2.9: shelters have ≥ 2 entrances in different directions</source>
        <translation>通用规范 §4.2.9：避难场所应有不同方向的出入口 ≥ 2 个</translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="120"/>
        <source>general code §4.2.9: central shelters ≥ 4 main entrances in different directions</source>
        <translation>通用规范 §4.2.9：中心避难场所不同方向的主要出入口 ≥ 4 个</translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="121"/>
        <source>general code §4.2.9: long-term fixed shelters ≥ 4 main entrances in different directions</source>
        <translation>通用规范 §4.2.9：长期固定避难场所不同方向的主要出入口 ≥ 4 个</translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="124"/>
        <source>GB 50413-2007 §8.2.11: emergency evacuation road ≥ 4 m</source>
        <translation>GB 50413-2007 §8.2.11：紧急疏散通道 ≥ 4 米</translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="125"/>
        <source>GB 50413-2007 §8.2.11: main route to a fixed shelter ≥ 7 m</source>
        <translation>GB 50413-2007 §8.2.11：通向固定避难场所的主要疏散通道 ≥ 7 米</translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="126"/>
        <source>GB 50413-2007 §8.2.11: rescue trunk road ≥ 15 m</source>
        <translation>GB 50413-2007 §8.2.11：救灾干道 ≥ 15 米</translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="135"/>
        <source>SpacePlanner default: every resident has a shelter place within the service radius (GB 50413-2007 §8.2 plans shelters for the whole population; no share is stated)</source>
        <translation>本工具默认：每位居民在服务半径内都有避难位置（GB 50413-2007 §8.2 按全部人口规划避难场所，未规定比例）</translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="136"/>
        <source>SpacePlanner default: shelter places for the whole population after the 避/防/让 checks</source>
        <translation>本工具默认：经避/防/让核查后的避难位置覆盖全部人口</translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="137"/>
        <source>SpacePlanner default: every resident within the life circle's walking distance of a park of its size (GB 50180-2018 §4.0.4 sets sizes, not a share)</source>
        <translation>本工具默认：每位居民在生活圈步行距离内有相应规模的公园（GB 50180-2018 §4.0.4 规定规模，未规定比例）</translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="138"/>
        <source>SpacePlanner default: every resident within the facility&apos;s service radius (GB 50180-2018 App. B/C set radii, not a share)</source>
        <translation>本工具默认：每位居民在设施服务半径内（GB 50180-2018 附录B/C 规定半径，未规定比例）</translation>
    </message>
    <message>
        <location filename="../profiles/japan.toml" line="5"/>
        <source>Japan: Tokyo wide-area evacuation sites, Shizuoka first evacuation sites</source>
        <translation>日本：东京都广域避难场所，静冈县一次避难场所</translation>
    </message>
    <message>
        <location filename="../profiles/japan.toml" line="12"/>
        <source>Shizuoka Prefecture: first evacuation site within 1 km</source>
        <translation>静冈县：一次避难场所在 1 公里以内</translation>
    </message>
    <message>
        <location filename="../profiles/japan.toml" line="13"/>
        <source>Shizuoka Prefecture: about 2 m² per person</source>
        <translation>静冈县：人均约 2 m²</translation>
    </message>
    <message>
        <location filename="../profiles/japan.toml" line="14"/>
        <source>no minimum site area in the Shizuoka guidance</source>
        <translation>静冈县指南未规定最小场地面积</translation>
    </message>
    <message>
        <location filename="../profiles/japan.toml" line="22"/>
        <source>Tokyo Metropolitan Government: wide-area evacuation site within a 3 km walk</source>
        <translation>东京都：广域避难场所在步行 3 公里以内</translation>
    </message>
    <message>
        <location filename="../profiles/japan.toml" line="23"/>
        <source>Tokyo Metropolitan Government: ≥ 1 m² usable space per person</source>
        <translation>东京都：人均可用面积 ≥ 1 m²</translation>
    </message>
    <message>
        <location filename="../profiles/japan.toml" line="24"/>
        <source>no minimum site area in the Tokyo criterion used here</source>
        <translation>此处采用的东京都标准未规定最小场地面积</translation>
    </message>
    <message>
        <location filename="../profiles/sphere.toml" line="5"/>
        <source>Sphere Handbook (shelter) and WHO Europe (green space)</source>
        <translation>环球计划手册（住所）与世卫组织欧洲区（绿地）</translation>
    </message>
    <message>
        <location filename="../profiles/sphere.toml" line="12"/>
        <source>SpacePlanner choice for Sphere: Sphere sets no walking radius; 1 km as Shizuoka&apos;s first evacuation site</source>
        <translation>本工具为环球计划所取：环球计划未规定步行半径；按静冈县一次避难场所取 1 公里</translation>
    </message>
    <message>
        <location filename="../profiles/sphere.toml" line="13"/>
        <source>Sphere Handbook 2018, shelter and settlement standard 3: ≥ 3.5 m² covered living space per person</source>
        <translation>环球计划手册 2018，住所与安置标准 3：人均有遮蔽居住面积 ≥ 3.5 m²</translation>
    </message>
    <message>
        <location filename="../profiles/sphere.toml" line="19"/>
        <source>Sphere Handbook 2018: no minimum site area</source>
        <translation>环球计划手册 2018：未规定最小场地面积</translation>
    </message>
    <message>
        <location filename="../profiles/sphere.toml" line="17"/>
        <source>as cn-gb fixed shelters (GB 50413-2007 §8.2.10)</source>
        <translation>同 cn-gb 固定避难场所（GB 50413-2007 §8.2.10）</translation>
    </message>
    <message>
        <location filename="../profiles/sphere.toml" line="18"/>
        <source>Sphere Handbook 2018, shelter and settlement standard 3: ≥ 3.5 m² per person</source>
        <translation>环球计划手册 2018，住所与安置标准 3：人均 ≥ 3.5 m²</translation>
    </message>
    <message>
        <location filename="../profiles/sphere.toml" line="22"/>
        <source>WHO Europe 2016/2017: green space of 0.5–1 ha within 300 m</source>
        <translation>世卫组织欧洲区 2016/2017：300 米内有 0.5–1 公顷绿地</translation>
    </message>
    <message>
        <location filename="../profiles/sphere.toml" line="23"/>
        <source>WHO Europe 2016/2017: at least 0.5 ha</source>
        <translation>世卫组织欧洲区 2016/2017：至少 0.5 公顷</translation>
    </message>
    <message>
        <location filename="../profiles/sphere.toml" line="24"/>
        <source>as cn-gb (GB 50180-2018 §4.0.4); WHO Europe sets no per-capita figure</source>
        <translation>同 cn-gb（GB 50180-2018 §4.0.4）；世卫组织欧洲区未规定人均指标</translation>
    </message>
    <message>
        <location filename="../engine/siting.py" line="179"/>
        <source>HV line {layer}/{id}: voltage {voltage}; the widest band ({widest} kV) is used</source>
        <translation>高压线 {layer}/{id}：电压{voltage}；采用最宽的防护带（{widest} kV）</translation>
    </message>
    <message>
        <location filename="../engine/siting.py" line="179"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../engine/siting.py" line="196"/>
        <source>hazard source kind &apos;{kind}&apos; ({layer}/{id}) has no protective distance in profile &apos;{profile}&apos;: not checked (add siting.protective_distance_m.{kind})</source>
        <translation>危险源类型“{kind}”（{layer}/{id}）在规则“{profile}”中没有防护距离：未核查（请添加 siting.protective_distance_m.{kind}）</translation>
    </message>
    <message>
        <location filename="../engine/siting.py" line="325"/>
        <source>{share:.0%} of the site lies in the {hazard} zone ({layer}); the site is ineligible</source>
        <translation>场地的 {share:.0%} 位于{hazard}风险区（{layer}）内；该场地不可用</translation>
    </message>
    <message>
        <location filename="../engine/siting.py" line="325"/>
        <source>{share:.0%} of the site lies in the {hazard} zone ({layer}); that part is not counted</source>
        <translation>场地的 {share:.0%} 位于{hazard}风险区（{layer}）内；该部分不计入</translation>
    </message>
    <message>
        <location filename="../engine/siting.py" line="325"/>
        <source>GB 21734-2008 §5.2.1; general code §4.1.2</source>
        <translation>GB 21734-2008 §5.2.1；通用规范 §4.1.2</translation>
    </message>
    <message>
        <location filename="../engine/siting.py" line="357"/>
        <source>{gap:.1f} m from building {id} ({height:g} m tall), inside its collapse range of {reach:.1f} m</source>
        <translation>距建筑 {id}（高 {height:g} 米）{gap:.1f} 米，位于其 {reach:.1f} 米倒塌范围内</translation>
    </message>
    <message>
        <location filename="../engine/siting.py" line="384"/>
        <source>pipeline {id} crosses the site</source>
        <translation>管道 {id} 穿越场地</translation>
    </message>
    <message>
        <location filename="../engine/siting.py" line="384"/>
        <source>{gap:.1f} m from {kind} {id}, closer than {distance:g} m; the part inside is not counted</source>
        <translation>距{kind} {id} {gap:.1f} 米，小于防护距离 {distance:g} 米；范围内部分不计入</translation>
    </message>
    <message>
        <location filename="../engine/siting.py" line="419"/>
        <source>{area:,.0f} m² of buildings ({layer}) stand on the site; not counted</source>
        <translation>场地上有 {area:,.0f} m² 建筑（{layer}）；不计入</translation>
    </message>
    <message>
        <location filename="../engine/siting.py" line="419"/>
        <source>STANDARDS.md §5 让: shelter grounds and designated open space stay unbuilt</source>
        <translation>STANDARDS.md §5 让：避难场地与指定开敞空间不得建设</translation>
    </message>
    <message>
        <location filename="../engine/siting.py" line="523"/>
        <source>entrances from {sectors} side(s); {need:g} needed</source>
        <translation>出入口来自 {sectors} 个方向；需要 {need:g} 个</translation>
    </message>
    <message>
        <location filename="../engine/siting.py" line="526"/>
        <source>access routes from {sectors} side(s); {need:g} needed</source>
        <translation>进入路径来自 {sectors} 个方向；需要 {need:g} 个</translation>
    </message>
    <message>
        <location filename="../engine/siting.py" line="581"/>
        <source>buildings {ids} stand within the clear width of {need:g} m ({left:.1f} m left)</source>
        <translation>建筑 {ids} 位于 {need:g} 米净宽范围内（仅余 {left:.1f} 米）</translation>
    </message>
    <message>
        <location filename="../engine/siting.py" line="598"/>
        <source>within the collapse range of building {id} ({height:g} m tall)</source>
        <translation>位于建筑 {id}（高 {height:g} 米）的倒塌范围内</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="29"/>
        <source>flood</source>
        <translation>洪涝</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="30"/>
        <source>earthquake</source>
        <translation>地震</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="31"/>
        <source>fire</source>
        <translation>火灾</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="32"/>
        <source>landslide</source>
        <translation>滑坡</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="33"/>
        <source>geological hazard</source>
        <translation>地质灾害</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="34"/>
        <source>waterlogging</source>
        <translation>内涝</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="35"/>
        <source>storm surge</source>
        <translation>风暴潮</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="39"/>
        <source>petrol station</source>
        <translation>加油站</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="40"/>
        <source>gas station</source>
        <translation>加气站</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="41"/>
        <source>gas storage</source>
        <translation>燃气储存设施</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="42"/>
        <source>major fire or explosion source</source>
        <translation>重大火灾或爆炸危险源</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="43"/>
        <source>fire source</source>
        <translation>火源</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="44"/>
        <source>industrial site</source>
        <translation>工业用地</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="45"/>
        <source>pipeline</source>
        <translation>管道</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="46"/>
        <source>HV line</source>
        <translation>高压线</translation>
    </message>
    <message>
        <location filename="../../layers/errors.py" line="51"/>
        <source>layer &apos;{name}&apos;</source>
        <translation>图层“{name}”</translation>
    </message>
    <message>
        <location filename="../../layers/errors.py" line="53"/>
        <source>field &apos;{name}&apos;</source>
        <translation>字段“{name}”</translation>
    </message>
    <message>
        <location filename="../../layers/errors.py" line="55"/>
        <source>feature {id}</source>
        <translation>要素 {id}</translation>
    </message>
    <message>
        <location filename="../outputs/mapsheet_parts.py" line="37"/>
        <source>Population grid 2020: Helsinki Region Environmental Services (HSY), CC BY 4.0.</source>
        <translation>人口网格 2020：赫尔辛基地区环境服务局（HSY），CC BY 4.0。</translation>
    </message>
    <message>
        <location filename="../outputs/mapsheet_parts.py" line="38"/>
        <source>Prague-Bubeneč: momepy sample data (BSD-3-Clause), from Prague open data.</source>
        <translation>布拉格 Bubeneč：momepy 示例数据（BSD-3-Clause），来自布拉格开放数据。</translation>
    </message>
    <message>
        <location filename="../outputs/mapsheet_parts.py" line="39"/>
        <source>Synthetic data: an invented community; no third-party data.</source>
        <translation>虚构数据：虚构的社区；不含第三方数据。</translation>
    </message>
    <message>
        <location filename="../outputs/tables.py" line="99"/>
        <source>Group</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="130"/>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="131"/>
        <source>Value</source>
        <translation>现状</translation>
    </message>
    <message>
        <location filename="../outputs/tables.py" line="102"/>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="132"/>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../outputs/tables.py" line="104"/>
        <source>Why not assessed</source>
        <translation>未评估原因</translation>
    </message>
    <message>
        <location filename="../outputs/tables.py" line="105"/>
        <source>Target set by</source>
        <translation>目标依据</translation>
    </message>
    <message>
        <location filename="../outputs/tables.py" line="106"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location filename="../outputs/tables.py" line="107"/>
        <source>Message</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../outputs/tables.py" line="108"/>
        <source>Role</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../outputs/tables.py" line="109"/>
        <source>No responsible organisation</source>
        <translation>无责任主体</translation>
    </message>
    <message>
        <location filename="../outputs/tables.py" line="110"/>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <location filename="../outputs/tables.py" line="111"/>
        <source>Load</source>
        <translation>负荷</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="124"/>
        <source>persons</source>
        <comment>unit</comment>
        <translation>人</translation>
    </message>
    <message>
        <location filename="../outputs/tables.py" line="131"/>
        <source>m²/person</source>
        <translation>m²/人</translation>
    </message>
    <message>
        <location filename="../outputs/tables.py" line="184"/>
        <source>Indicators</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../outputs/tables.py" line="230"/>
        <source>Capacity removed by principle</source>
        <translation>各原则扣减的容量</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="20"/>
        <source>Shelter within reach, with room</source>
        <translation>可达且有容量的避难场所</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="21"/>
        <source>5-minute circle activity space</source>
        <translation>5分钟生活圈活动空间</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="22"/>
        <source>10-minute circle activity space</source>
        <translation>10分钟生活圈活动空间</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="23"/>
        <source>15-minute circle activity space</source>
        <translation>15分钟生活圈活动空间</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="24"/>
        <source>Kindergarten</source>
        <translation>幼儿园</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="25"/>
        <source>Nursery</source>
        <translation>托育点</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="26"/>
        <source>Primary school</source>
        <translation>小学</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="27"/>
        <source>Middle school</source>
        <translation>中学</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="28"/>
        <source>Community clinic</source>
        <translation>社区卫生服务站</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="29"/>
        <source>Community health centre</source>
        <translation>社区卫生服务中心</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="30"/>
        <source>Elderly care</source>
        <translation>养老服务设施</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="31"/>
        <source>Community service station</source>
        <translation>社区综合服务站</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="32"/>
        <source>Food market</source>
        <translation>菜市场</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="33"/>
        <source>Supermarket</source>
        <translation>综合超市</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="34"/>
        <source>Express delivery point</source>
        <translation>快递服务设施</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="35"/>
        <source>Sports ground</source>
        <translation>运动场地</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="36"/>
        <source>Cultural activity station</source>
        <translation>文化活动站</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="37"/>
        <source>Library</source>
        <translation>图书馆</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="38"/>
        <source>Community centre</source>
        <translation>社区中心</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="39"/>
        <source>Hospital</source>
        <translation>医院</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="40"/>
        <source>Pharmacy</source>
        <translation>药店</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="41"/>
        <source>Police station</source>
        <translation>派出所</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="42"/>
        <source>Fire station</source>
        <translation>消防站</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="43"/>
        <source>Other facility</source>
        <translation>其他设施</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="44"/>
        <source>Park service-radius coverage</source>
        <translation>公园绿地服务半径覆盖率</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="45"/>
        <source>Public activity site (≥ 150 m²)</source>
        <translation>公共活动场地</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="46"/>
        <source>Neighbourhood park (≥ 4000 m²)</source>
        <translation>社区游园</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="47"/>
        <source>Public park green</source>
        <translation>公园绿地</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="48"/>
        <source>Community parks</source>
        <translation>社区公园</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="49"/>
        <source>Effective shelter area</source>
        <translation>避难场所有效避难面积</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="51"/>
        <source>Residents</source>
        <translation>居民</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="52"/>
        <source>Emergency shelters</source>
        <translation>应急避难场所</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="53"/>
        <source>Activity spaces</source>
        <translation>活动空间</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="54"/>
        <source>Community facilities</source>
        <translation>社区设施</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="55"/>
        <source>Hazard zones</source>
        <translation>灾害风险区</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="56"/>
        <source>Hazard sources</source>
        <translation>危险源</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="57"/>
        <source>Walking network</source>
        <translation>步行网络</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="58"/>
        <source>Buildings</source>
        <translation>建筑</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="59"/>
        <source>Boundary</source>
        <translation>边界</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="60"/>
        <source>Service areas</source>
        <translation>服务范围</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="61"/>
        <source>Gap areas</source>
        <translation>服务盲区</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="62"/>
        <source>Siting violations</source>
        <translation>选址问题</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="63"/>
        <source>Residents not covered</source>
        <translation>未覆盖居民</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="64"/>
        <source>Shelters over capacity</source>
        <translation>超出容量的避难场所</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="65"/>
        <source>Hazard zones of the scenario</source>
        <translation>情景灾害风险区</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="66"/>
        <source>Violations: zones and bands met</source>
        <translation>选址问题：涉及的区域与防护带</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="67"/>
        <source>Violations: site area removed</source>
        <translation>选址问题：扣除的场地面积</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="68"/>
        <source>Suggested sites</source>
        <translation>建议场地</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="70"/>
        <source>Avoid hazards (避)</source>
        <translation>避：避让灾害</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="71"/>
        <source>Protective distance (防)</source>
        <translation>防：防护距离</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="72"/>
        <source>Give way / keep free (让)</source>
        <translation>让：让出空间</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="74"/>
        <source>covered</source>
        <translation>已覆盖</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="75"/>
        <source>not covered</source>
        <translation>未覆盖</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="76"/>
        <source>Population</source>
        <translation>人口</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="77"/>
        <source>Capacity</source>
        <translation>容量</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="78"/>
        <source>Assigned</source>
        <translation>已分配</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="79"/>
        <source>Sheltered</source>
        <translation>可避难人口</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="80"/>
        <source>Share covered</source>
        <translation>覆盖率</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="81"/>
        <source>m² per person</source>
        <translation>人均面积（平方米）</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="82"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="83"/>
        <source>pass</source>
        <translation>达标</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="84"/>
        <source>fail</source>
        <translation>未达标</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="85"/>
        <source>not assessed</source>
        <translation>未评估</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="86"/>
        <source>Source</source>
        <translation>依据</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="87"/>
        <source>Scenario</source>
        <translation>情景</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="88"/>
        <source>Period</source>
        <translation>时期</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="89"/>
        <source>Notes</source>
        <translation>说明</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="93"/>
        <source>all hazards</source>
        <translation>全部灾种</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="94"/>
        <source>normal times</source>
        <translation>平时</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="95"/>
        <source>emergency</source>
        <translation>急时</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="96"/>
        <source>normal and emergency</source>
        <translation>平时与急时</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="97"/>
        <source>over capacity</source>
        <translation>超出容量</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="98"/>
        <source>Responsible organisation</source>
        <translation>责任主体</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="99"/>
        <source>Data sources</source>
        <translation>数据来源</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="101"/>
        <source>Emergency shelter</source>
        <translation>紧急避难场所</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="102"/>
        <source>Fixed shelter</source>
        <translation>固定避难场所</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="103"/>
        <source>Short-term fixed shelter</source>
        <translation>短期固定避难场所</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="104"/>
        <source>Medium-term fixed shelter</source>
        <translation>中期固定避难场所</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="105"/>
        <source>Long-term fixed shelter</source>
        <translation>长期固定避难场所</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="106"/>
        <source>Central shelter</source>
        <translation>中心避难场所</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="108"/>
        <source>all sheltered</source>
        <translation>全部可安置</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="109"/>
        <source>partly sheltered</source>
        <translation>部分可安置</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="110"/>
        <source>not sheltered</source>
        <translation>无法安置</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="111"/>
        <source>ineligible / no capacity</source>
        <translation>不可用 / 无容量</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="112"/>
        <source>&lt; 50 %</source>
        <translation>&lt; 50 %</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="113"/>
        <source>50–80 %</source>
        <translation>50–80 %</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="114"/>
        <source>80–100 %</source>
        <translation>80–100 %</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="115"/>
        <source>full</source>
        <translation>已满</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="116"/>
        <source>circle size = capacity</source>
        <translation>圆大小 = 容量</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="117"/>
        <source>circle size = population</source>
        <translation>圆大小 = 人口</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="118"/>
        <source>Shelter, size and label: capacity (persons)</source>
        <translation>避难场所（大小、标注：容量/人）</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="120"/>
        <source>Resilient public space: map sheet</source>
        <translation>韧性公共空间规划图</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="121"/>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="122"/>
        <source>Rules</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="123"/>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="124"/>
        <source>Basemap</source>
        <translation>底图</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="125"/>
        <source>Context</source>
        <translation>背景</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="126"/>
        <source>Features</source>
        <translation>要素数</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="127"/>
        <source>Sites</source>
        <translation>场地与设施</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="128"/>
        <source>Layers</source>
        <translation>图层</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="129"/>
        <source>only those not served are drawn</source>
        <translation>仅绘制未获服务的居民</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="133"/>
        <source>Key indicators</source>
        <translation>主要指标</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="134"/>
        <source>Unsheltered</source>
        <translation>未安置人口</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="135"/>
        <source>Load (assigned ÷ capacity)</source>
        <translation>负荷（已分配÷容量）</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="136"/>
        <source>Spare</source>
        <translation>剩余容量</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="137"/>
        <source>Nearest demand</source>
        <translation>就近需求</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="138"/>
        <source>Eligible</source>
        <translation>可用</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="139"/>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="140"/>
        <source>Use</source>
        <translation>用途</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="141"/>
        <source>dual use (平急两用)</source>
        <translation>平急两用</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="142"/>
        <source>Capacity removed</source>
        <translation>扣除容量</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="143"/>
        <source>Walking distance (m)</source>
        <translation>步行距离（米）</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="144"/>
        <source>Radius (m)</source>
        <translation>服务半径（米）</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="145"/>
        <source>Area (m²)</source>
        <translation>面积（平方米）</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="146"/>
        <source>Resident points</source>
        <translation>居民点数</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="147"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="148"/>
        <source>Hazard</source>
        <translation>灾种</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="149"/>
        <source>Voltage (kV)</source>
        <translation>电压（千伏）</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="150"/>
        <source>Width (m)</source>
        <translation>宽度（米）</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="151"/>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="152"/>
        <source>Principle</source>
        <translation>原则</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="153"/>
        <source>Measured</source>
        <translation>实测</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="154"/>
        <source>Required</source>
        <translation>要求</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="155"/>
        <source>Layer</source>
        <translation>图层</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="156"/>
        <source>ID</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="157"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="158"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="164"/>
        <source>Targets missed</source>
        <translation>未达标项</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="165"/>
        <source>Open its map</source>
        <translation>打开社区地图</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="166"/>
        <source>Share of targets met</source>
        <translation>达标项比例</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="167"/>
        <source>Share</source>
        <translation>比例</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="168"/>
        <source>Not evaluated</source>
        <translation>未评估</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="169"/>
        <source>communities</source>
        <translation>个社区</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="170"/>
        <source>Communities below standard, per item</source>
        <translation>各项不达标社区数</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="171"/>
        <source>colour: share of targets met</source>
        <translation>颜色：达标项比例</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="159"/>
        <source>North arrow: grid north of the plan&apos;s projected CRS {crs}; map units metres.</source>
        <translation>指北针为规划投影坐标系 {crs} 的坐标北；地图单位为米。</translation>
    </message>
    <message>
        <location filename="../results/labels.py" line="162"/>
        <source>Made with SpacePlanner {version}.</source>
        <translation>由 SpacePlanner {version} 生成。</translation>
    </message>
    <message>
        <location filename="../outputs/resident_sheets.py" line="54"/>
        <source>Emergency shelter and daily services</source>
        <translation>应急避难与日常服务</translation>
    </message>
    <message>
        <location filename="../outputs/resident_sheets.py" line="55"/>
        <source>Your emergency shelter</source>
        <translation>您的应急避难场所</translation>
    </message>
    <message>
        <location filename="../outputs/resident_sheets.py" line="56"/>
        <source>{d} walk (about {m} min), to the {dir}</source>
        <translation>步行 {d}（约 {m} 分钟），位于{dir}方向</translation>
    </message>
    <message>
        <location filename="../outputs/resident_sheets.py" line="57"/>
        <source>up to {d} walk (about {m} min), to the {dir}</source>
        <translation>步行最远 {d}（约 {m} 分钟），位于{dir}方向</translation>
    </message>
    <message>
        <location filename="../outputs/resident_sheets.py" line="58"/>
        <source>Everyone here ({p} persons) has a place there.</source>
        <translation>本单元全部 {p} 人在此有避难位置。</translation>
    </message>
    <message>
        <location filename="../outputs/resident_sheets.py" line="59"/>
        <source>{s} of the {p} persons here have a place in a shelter; {u} have none.</source>
        <translation>本单元 {p} 人中 {s} 人有避难位置，{u} 人没有。</translation>
    </message>
    <message>
        <location filename="../outputs/resident_sheets.py" line="60"/>
        <source>No shelter within walking distance has room for the people here.</source>
        <translation>步行可达范围内没有可容纳本单元居民的避难场所。</translation>
    </message>
    <message>
        <location filename="../outputs/resident_sheets.py" line="61"/>
        <source>{p} persons live here. Ask the community office where to go.</source>
        <translation>本单元共 {p} 人。请向社区咨询应急去向。</translation>
    </message>
    <message>
        <location filename="../outputs/resident_sheets.py" line="62"/>
        <source>Others here go to: {list}.</source>
        <translation>本单元其余居民前往：{list}。</translation>
    </message>
    <message>
        <location filename="../outputs/resident_sheets.py" line="63"/>
        <source>Everyone here ({p} persons) has a place: {n} there.</source>
        <translation>本单元全部 {p} 人均有避难位置：其中 {n} 人在此。</translation>
    </message>
    <message>
        <location filename="../outputs/resident_sheets.py" line="64"/>
        <source>at the shelter (within its entrance distance)</source>
        <translation>就在避难场所旁（入口范围内）</translation>
    </message>
    <message>
        <location filename="../outputs/resident_sheets.py" line="65"/>
        <source>No residents are recorded in this unit.</source>
        <translation>本单元没有登记的居民。</translation>
    </message>
    <message>
        <location filename="../outputs/resident_sheets.py" line="70"/>
        <source>Daily services within the standard walk</source>
        <translation>标准步行距离内的日常服务</translation>
    </message>
    <message>
        <location filename="../outputs/resident_sheets.py" line="71"/>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <location filename="../outputs/resident_sheets.py" line="72"/>
        <source>Standard</source>
        <translation>标准</translation>
    </message>
    <message>
        <location filename="../outputs/resident_sheets.py" line="73"/>
        <source>Residents here within reach</source>
        <translation>本单元可达居民</translation>
    </message>
    <message>
        <location filename="../outputs/resident_sheets.py" line="74"/>
        <source>within {r} m</source>
        <translation>{r} 米以内</translation>
    </message>
    <message>
        <location filename="../outputs/resident_sheets.py" line="75"/>
        <source>nearest {d}</source>
        <translation>最近 {d}</translation>
    </message>
    <message>
        <location filename="../outputs/resident_sheets.py" line="76"/>
        <source>none within reach</source>
        <translation>范围内没有</translation>
    </message>
    <message>
        <location filename="../outputs/resident_sheets.py" line="77"/>
        <source>Without a place in a shelter</source>
        <translation>没有避难位置的居民点</translation>
    </message>
    <message>
        <location filename="../outputs/resident_sheets.py" line="78"/>
        <source>Every resident point here has a place.</source>
        <translation>本单元所有居民点均有避难位置。</translation>
    </message>
    <message>
        <location filename="../outputs/resident_sheets.py" line="79"/>
        <source>... and {n} more</source>
        <translation>……另有 {n} 处</translation>
    </message>
    <message>
        <location filename="../outputs/resident_sheets.py" line="80"/>
        <source>{p} persons</source>
        <translation>{p} 人</translation>
    </message>
    <message>
        <location filename="../outputs/resident_sheets.py" line="81"/>
        <source>{p} residents</source>
        <translation>居民 {p} 人</translation>
    </message>
    <message>
        <location filename="../outputs/resident_sheets.py" line="82"/>
        <source>From the plan&apos;s evaluation ({rules}; scenario {scenario}). SpacePlanner {version}, {date}.</source>
        <translation>依据规划评估（{rules}；情景：{scenario}）。SpacePlanner {version}，{date}。</translation>
    </message>
    <message>
        <location filename="../outputs/resident_sheets.py" line="85"/>
        <source>This unit</source>
        <translation>本单元</translation>
    </message>
    <message>
        <location filename="../outputs/resident_sheets.py" line="86"/>
        <source>Your shelter</source>
        <translation>您的避难场所</translation>
    </message>
    <message>
        <location filename="../outputs/resident_sheets.py" line="87"/>
        <source>Other shelters</source>
        <translation>其他避难场所</translation>
    </message>
    <message>
        <location filename="../outputs/resident_sheets.py" line="89"/>
        <source>north</source>
        <translation>北</translation>
    </message>
    <message>
        <location filename="../outputs/resident_sheets.py" line="89"/>
        <source>north-east</source>
        <translation>东北</translation>
    </message>
    <message>
        <location filename="../outputs/resident_sheets.py" line="89"/>
        <source>east</source>
        <translation>东</translation>
    </message>
    <message>
        <location filename="../outputs/resident_sheets.py" line="89"/>
        <source>south-east</source>
        <translation>东南</translation>
    </message>
    <message>
        <location filename="../outputs/resident_sheets.py" line="89"/>
        <source>south</source>
        <translation>南</translation>
    </message>
    <message>
        <location filename="../outputs/resident_sheets.py" line="89"/>
        <source>south-west</source>
        <translation>西南</translation>
    </message>
    <message>
        <location filename="../outputs/resident_sheets.py" line="89"/>
        <source>west</source>
        <translation>西</translation>
    </message>
    <message>
        <location filename="../outputs/resident_sheets.py" line="89"/>
        <source>north-west</source>
        <translation>西北</translation>
    </message>
    <message>
        <location filename="../outputs/resident_sheets.py" line="66"/>
        <source>The plan&apos;s resident layer has no one here: there is nothing to say about shelters and services.</source>
        <translation>规划的居民图层在本单元内没有居民，因此不列出避难与服务情况。</translation>
    </message>
    <message>
        <location filename="../../ui/model/session.py" line="246"/>
        <source>Set role of {name}</source>
        <translation>设置 {name} 的图层角色</translation>
    </message>
    <message>
        <location filename="../../ui/model/session.py" line="278"/>
        <source>Add layer {name}</source>
        <translation>添加图层 {name}</translation>
    </message>
    <message>
        <location filename="../../ui/model/session.py" line="285"/>
        <source>Remove layer {name}</source>
        <translation>移除图层 {name}</translation>
    </message>
    <message>
        <location filename="../cli_new.py" line="94"/>
        <source>Saved plan &apos;{name}&apos; to {target} ({crs})</source>
        <translation>方案“{name}”已保存至 {target}（{crs}）</translation>
    </message>
    <message>
        <location filename="../cli_new.py" line="99"/>
        <source>raster</source>
        <translation>栅格</translation>
    </message>
    <message>
        <location filename="../cli_new.py" line="99"/>
        <source>{n} features</source>
        <translation>{n} 个要素</translation>
    </message>
    <message>
        <location filename="../cli_new.py" line="104"/>
        <source>Residents: from the population raster</source>
        <translation>居民：来自人口栅格</translation>
    </message>
    <message>
        <location filename="../cli_new.py" line="106"/>
        <source>Residents: {n:,.0f} persons</source>
        <translation>居民：{n:,.0f} 人</translation>
    </message>
    <message>
        <location filename="../cli_new.py" line="109"/>
        <source>{severity}: {message}</source>
        <translation>{severity}：{message}</translation>
    </message>
    <message>
        <location filename="../files.py" line="76"/>
        <source>the disk is full ({reason})</source>
        <translation>磁盘已满（{reason}）</translation>
    </message>
    <message>
        <location filename="../files.py" line="77"/>
        <source>free some space or choose another --out; the previous outputs are unchanged</source>
        <translation>请释放磁盘空间或另选 --out；原有输出未作改动</translation>
    </message>
    <message>
        <location filename="../files.py" line="79"/>
        <source>the output folder cannot be written ({reason})</source>
        <translation>输出文件夹无法写入（{reason}）</translation>
    </message>
    <message>
        <location filename="../files.py" line="80"/>
        <source>choose another --out or fix the folder&apos;s permissions</source>
        <translation>请另选 --out，或修改该文件夹的权限</translation>
    </message>
    <message>
        <location filename="../files.py" line="82"/>
        <source>a file name is too long for this file system</source>
        <translation>文件名超出该文件系统的长度限制</translation>
    </message>
    <message>
        <location filename="../files.py" line="83"/>
        <source>shorten the layer names or choose a shorter --out</source>
        <translation>请缩短图层名称，或选用较短的 --out 路径</translation>
    </message>
    <message>
        <location filename="../files.py" line="85"/>
        <source>a file stands where a folder is needed</source>
        <translation>需要文件夹的位置上已有一个同名文件</translation>
    </message>
    <message>
        <location filename="../files.py" line="265"/>
        <source>choose another --out</source>
        <translation>请另选 --out</translation>
    </message>
    <message>
        <location filename="../files.py" line="88"/>
        <source>writing the outputs failed ({reason})</source>
        <translation>输出写入失败（{reason}）</translation>
    </message>
    <message>
        <location filename="../files.py" line="89"/>
        <source>check the folder and the free space; the previous outputs are unchanged</source>
        <translation>请检查文件夹和剩余空间；原有输出未作改动</translation>
    </message>
    <message>
        <location filename="../files.py" line="219"/>
        <source>cannot write to this folder: it is a file</source>
        <translation>无法写入该文件夹：它是一个文件</translation>
    </message>
    <message>
        <location filename="../files.py" line="219"/>
        <source>cannot write to this folder: &apos;{name}&apos; on its path is a file</source>
        <translation>无法写入该文件夹：其路径上的“{name}”是一个文件</translation>
    </message>
    <message>
        <location filename="../files.py" line="226"/>
        <source>choose a folder for --out</source>
        <translation>请为 --out 指定一个文件夹</translation>
    </message>
    <message>
        <location filename="../files.py" line="253"/>
        <source>the output &apos;{name}&apos; would replace an input of the plan</source>
        <translation>输出“{name}”会覆盖方案的输入数据</translation>
    </message>
    <message>
        <location filename="../files.py" line="253"/>
        <source>the output &apos;{name}&apos; would replace a folder holding an input of the plan</source>
        <translation>输出“{name}”会覆盖存放方案输入数据的文件夹</translation>
    </message>
    <message>
        <location filename="../files.py" line="258"/>
        <source>choose another --out; inputs are never written</source>
        <translation>请另选 --out；输入数据从不被改写</translation>
    </message>
    <message>
        <location filename="../files.py" line="264"/>
        <source>the output &apos;{name}&apos; would replace a plan file</source>
        <translation>输出“{name}”会覆盖方案文件</translation>
    </message>
    <message>
        <location filename="../files.py" line="270"/>
        <source>{n} output(s) exist ({names})</source>
        <translation>已有 {n} 个输出文件（{names}）</translation>
    </message>
    <message>
        <location filename="../files.py" line="273"/>
        <source>choose another --out or add --overwrite</source>
        <translation>请另选 --out，或加上 --overwrite</translation>
    </message>
    <message>
        <location filename="../files.py" line="347"/>
        <source>another SpacePlanner run is writing into this folder (pid {pid})</source>
        <translation>另一个 SpacePlanner 进程正在写入该文件夹（进程号 {pid}）</translation>
    </message>
    <message>
        <location filename="../files.py" line="347"/>
        <source>another SpacePlanner run is writing into this folder</source>
        <translation>另一个 SpacePlanner 进程正在写入该文件夹</translation>
    </message>
    <message>
        <location filename="../files.py" line="352"/>
        <source>wait for it to finish, or choose another --out</source>
        <translation>请等待其完成，或另选 --out</translation>
    </message>
    <message>
        <location filename="../model/plan_file.py" line="210"/>
        <source>the folder does not exist</source>
        <translation>文件夹不存在</translation>
    </message>
    <message>
        <location filename="../files.py" line="549"/>
        <source>create the folder first or choose another</source>
        <translation>请先创建该文件夹，或另选一个</translation>
    </message>
    <message>
        <location filename="../model/commands.py" line="47"/>
        <source>Add point</source>
        <translation>添加点</translation>
    </message>
    <message>
        <location filename="../model/commands.py" line="47"/>
        <source>Add polygon</source>
        <translation>添加面</translation>
    </message>
    <message>
        <location filename="../model/commands.py" line="47"/>
        <source>Add line</source>
        <translation>添加线</translation>
    </message>
    <message>
        <location filename="../model/commands.py" line="70"/>
        <source>no such vector layer in the plan</source>
        <translation>方案中没有该矢量图层</translation>
    </message>
    <message>
        <location filename="../model/commands.py" line="402"/>
        <source>layers: {names}</source>
        <translation>图层：{names}</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="165"/>
        <source>a whole number</source>
        <translation>整数</translation>
    </message>
    <message>
        <location filename="../../layers/words.py" line="52"/>
        <source>a number</source>
        <translation>数字</translation>
    </message>
    <message>
        <location filename="../model/commands.py" line="103"/>
        <source>{name} must be {kind}, not {value}</source>
        <translation>{name} 应为{kind}，而不是 {value}</translation>
    </message>
    <message>
        <location filename="../model/commands.py" line="106"/>
        <source>enter {kind}</source>
        <translation>请输入{kind}</translation>
    </message>
    <message>
        <location filename="../model/commands.py" line="108"/>
        <source>{name} must be {kind} of at least 0, not {value}</source>
        <translation>{name} 应为不小于 0 的{kind}，而不是 {value}</translation>
    </message>
    <message>
        <location filename="../model/commands.py" line="111"/>
        <source>enter {kind} of at least 0</source>
        <translation>请输入不小于 0 的{kind}</translation>
    </message>
    <message>
        <location filename="../model/commands.py" line="114"/>
        <source>{name} {value:,g} {unit} is above the plausible maximum of {maximum:,g} {unit} for one feature</source>
        <translation>{name} {value:,g} {unit} 超过单个要素的合理上限 {maximum:,g} {unit}</translation>
    </message>
    <message>
        <location filename="../model/commands.py" line="114"/>
        <source>{name} {value:,g} is above the plausible maximum of {maximum:,g} for one feature</source>
        <translation>{name} {value:,g} 超过单个要素的合理上限 {maximum:,g}</translation>
    </message>
    <message>
        <location filename="../model/commands.py" line="125"/>
        <source>check the value and unit</source>
        <translation>请检查数值和单位</translation>
    </message>
    <message>
        <location filename="../model/commands.py" line="142"/>
        <source>Reshape feature</source>
        <translation>修改要素形状</translation>
    </message>
    <message>
        <location filename="../model/commands.py" line="166"/>
        <source>Move feature</source>
        <translation>移动要素</translation>
    </message>
    <message>
        <location filename="../model/commands.py" line="189"/>
        <source>Add feature</source>
        <translation>添加要素</translation>
    </message>
    <message>
        <location filename="../model/commands.py" line="196"/>
        <source>the new feature needs an id not used in the layer (got {id})</source>
        <translation>新要素需要图层中未用过的编号（现为 {id}）</translation>
    </message>
    <message>
        <location filename="../model/commands.py" line="225"/>
        <source>Add features</source>
        <translation>添加要素（多个）</translation>
    </message>
    <message>
        <location filename="../model/commands.py" line="234"/>
        <source>the new features need ids not used in the layer (got {ids})</source>
        <translation>新要素需要图层中未用过的编号（现为 {ids}）</translation>
    </message>
    <message>
        <location filename="../model/commands.py" line="267"/>
        <source>Delete feature</source>
        <translation>删除要素</translation>
    </message>
    <message>
        <location filename="../model/commands.py" line="296"/>
        <source>Delete features</source>
        <translation>删除要素（多个）</translation>
    </message>
    <message>
        <location filename="../model/commands.py" line="330"/>
        <source>Edit attributes</source>
        <translation>编辑属性</translation>
    </message>
    <message>
        <location filename="../model/commands.py" line="347"/>
        <source>ids are stable: a feature&apos;s id cannot be edited</source>
        <translation>编号是固定的：要素编号不能修改</translation>
    </message>
    <message>
        <location filename="../model/commands.py" line="367"/>
        <source>Add layer</source>
        <translation>添加图层</translation>
    </message>
    <message>
        <location filename="../model/commands.py" line="375"/>
        <source>a layer of this name is already in the plan</source>
        <translation>方案中已有同名图层</translation>
    </message>
    <message>
        <location filename="../sources/osm.py" line="553"/>
        <source>choose another name</source>
        <translation>请另取一个名称</translation>
    </message>
    <message>
        <location filename="../model/commands.py" line="391"/>
        <source>Remove layer</source>
        <translation>移除图层</translation>
    </message>
    <message>
        <location filename="../model/commands.py" line="401"/>
        <source>no such layer in the plan</source>
        <translation>方案中没有该图层</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="119"/>
        <source>true/false</source>
        <translation>真/假值</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="300"/>
        <source>text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="125"/>
        <source>a list</source>
        <translation>列表</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="127"/>
        <source>a table</source>
        <translation>表</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="128"/>
        <source>a date or time</source>
        <translation>日期或时间</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="134"/>
        <source>{key} = {value} is {kind}, not {want}</source>
        <translation>{key} = {value} 是{kind}，而不是{want}</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="139"/>
        <source>write it in quotes: {key} = &quot;{example}&quot;</source>
        <translation>请加引号书写：{key} = &quot;{example}&quot;</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="140"/>
        <source>give {want}</source>
        <translation>请给出{want}</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="151"/>
        <source>a CRS such as &quot;EPSG:4490&quot;</source>
        <translation>坐标参考系，如 &quot;EPSG:4490&quot;</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="153"/>
        <source>a table { ... }</source>
        <translation>表 { ... }</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="155"/>
        <source>a list [ ... ]</source>
        <translation>列表 [ ... ]</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="160"/>
        <source>{key} = {value} is not one of {choices}</source>
        <translation>{key} = {value} 不是 {choices} 之一</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="162"/>
        <source>use {key} = {choices}</source>
        <translation>请使用 {key} = {choices}</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="174"/>
        <source>{key} = {value} is not a finite number</source>
        <translation>{key} = {value} 不是有限数值</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="174"/>
        <source>give a number in {unit}</source>
        <translation>请给出以{unit}为单位的数值</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="174"/>
        <source>give a number</source>
        <translation>请给出数值</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="179"/>
        <source>{key} = {value} is not usable</source>
        <translation>{key} = {value} 不可用</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="179"/>
        <source>give a positive number {unit}</source>
        <translation>请给出正数（{unit}）</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="179"/>
        <source>give a positive number</source>
        <translation>请给出正数</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="185"/>
        <source>{key} = {value} is below {low:g}</source>
        <translation>{key} = {value} 小于 {low:g}</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="185"/>
        <source>give a number of at least {low:g} {unit}</source>
        <translation>请给出不小于 {low:g} {unit} 的数值</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="185"/>
        <source>give a number of at least {low:g}</source>
        <translation>请给出不小于 {low:g} 的数值</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="191"/>
        <source>{key} = {value} is above the plausible maximum of {maximum:,.0f} {unit}</source>
        <translation>{key} = {value} 超过合理上限 {maximum:,.0f} {unit}</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="191"/>
        <source>{key} = {value} is above the plausible maximum of {maximum:,.0f}</source>
        <translation>{key} = {value} 超过合理上限 {maximum:,.0f}</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="191"/>
        <source>check the value and its unit; the bounds are in the role catalogue (roles.toml)</source>
        <translation>请检查数值及其单位；取值范围见图层角色目录（roles.toml）</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="207"/>
        <source>text (a column name)</source>
        <translation>文本（字段名）</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="208"/>
        <source>name the source column in quotes: {key} = &quot;&lt;column&gt;&quot;</source>
        <translation>请加引号写出源数据的字段名：{key} = &quot;&lt;column&gt;&quot;</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="212"/>
        <source>{key} = {value} is not yes/no</source>
        <translation>{key} = {value} 不是“是/否”值</translation>
    </message>
    <message>
        <location filename="../../layers/conform.py" line="422"/>
        <source>use {words}</source>
        <translation>请使用 {words}</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="222"/>
        <source>the layer is {kind}, not a table</source>
        <translation>该图层是{kind}，而不是表</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="222"/>
        <source>write it as a table: [layers.{name}] with path = &quot;{example}&quot; on the next line (and role = ... unless the name is a role)</source>
        <translation>请写成表：[layers.{name}]，下一行写 path = &quot;{example}&quot;（名称不是图层角色时还需 role = ...）</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="743"/>
        <source>plan file not found</source>
        <translation>找不到方案文件</translation>
    </message>
    <message>
        <location filename="../model/rules.py" line="159"/>
        <source>check the path</source>
        <translation>请检查路径</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="254"/>
        <source>the plan is not UTF-8 text</source>
        <translation>方案不是 UTF-8 编码的文本</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="254"/>
        <source>save it as UTF-8</source>
        <translation>请另存为 UTF-8 编码</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="256"/>
        <source>the plan is not valid TOML ({reason})</source>
        <translation>方案不是有效的 TOML（{reason}）</translation>
    </message>
    <message>
        <location filename="../model/rules.py" line="164"/>
        <source>fix the syntax</source>
        <translation>请修正语法</translation>
    </message>
    <message>
        <location filename="../../layers/conform.py" line="619"/>
        <source>did you mean &apos;{guess}&apos;?</source>
        <translation>是否指“{guess}”？</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="264"/>
        <source>known keys: {names}</source>
        <translation>可用的键：{names}</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="269"/>
        <source>unknown plan key &apos;{key}&apos;</source>
        <translation>未知的方案键“{key}”</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="276"/>
        <source>layers is {kind}, not tables</source>
        <translation>layers 是{kind}，而不是表</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="276"/>
        <source>declare each layer as a table: [layers.residents] with path = &quot;...&quot; below it</source>
        <translation>请将每个图层写成表：[layers.residents]，下面写 path = &quot;...&quot;</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="283"/>
        <source>the plan has no [layers.*] tables</source>
        <translation>方案中没有 [layers.*] 表</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="283"/>
        <source>declare at least one layer</source>
        <translation>请至少声明一个图层</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="293"/>
        <source>the layer has no role</source>
        <translation>该图层没有指定图层角色</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="293"/>
        <source>add `role = ...`, one of {roles}</source>
        <translation>请添加 `role = ...`，取 {roles} 之一</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="305"/>
        <source>roles are: {roles}</source>
        <translation>图层角色有：{roles}</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="319"/>
        <source>{role} fields are: {fields}</source>
        <translation>{role} 的字段有：{fields}</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="326"/>
        <source>unknown field or option &apos;{key}&apos; for {role}</source>
        <translation>{role} 没有字段或选项“{key}”</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="344"/>
        <source>the layer has no path</source>
        <translation>该图层没有路径</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="344"/>
        <source>add `path = &quot;...&quot;`</source>
        <translation>请添加 `path = &quot;...&quot;`</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="349"/>
        <source>radius_m = {value} is not usable</source>
        <translation>radius_m = {value} 不可用</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="349"/>
        <source>only {roles} have a service radius</source>
        <translation>只有 {roles} 有服务半径</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="383"/>
        <source>{key} is an option of CAD drawings (.dxf)</source>
        <translation>{key} 是 CAD 图纸（.dxf）的选项</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="480"/>
        <source>remove it from this layer</source>
        <translation>请从该图层中删除</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="401"/>
        <source>a raster hazard needs exactly one of min_value, max_value or max_slope_pct</source>
        <translation>栅格灾害图层须且只须给出 min_value、max_value 或 max_slope_pct 之一</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="402"/>
        <source>e.g. `max_value = 192.0` (terrain at or below 192 m floods) or `min_value = 0.5` (depth at least 0.5 m)</source>
        <translation>例如 `max_value = 192.0`（高程不高于 192 米处受淹）或 `min_value = 0.5`（水深不小于 0.5 米）</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="414"/>
        <source>a raster hazard needs its type</source>
        <translation>栅格灾害图层需要指定灾害类型</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="415"/>
        <source>add `hazard = &quot;flood&quot;` (or another type)</source>
        <translation>请添加 `hazard = &quot;flood&quot;`（或其他类型）</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="430"/>
        <source>min_value, max_value and max_slope_pct are options of raster hazard layers</source>
        <translation>min_value、max_value 和 max_slope_pct 是栅格灾害图层的选项</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="431"/>
        <source>remove them from this layer</source>
        <translation>请从该图层中删除这些选项</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="434"/>
        <source>{role} must be vector features, not a raster</source>
        <translation>{role} 应为矢量要素，而不是栅格</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="435"/>
        <source>give a vector file, or another role</source>
        <translation>请提供矢量文件，或改用其他图层角色</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="471"/>
        <source>min_value, max_value and max_slope_pct apply to raster hazards, not to polygons</source>
        <translation>min_value、max_value 和 max_slope_pct 用于栅格灾害图层，不适用于面图层</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="472"/>
        <source>remove them: polygons are the zone</source>
        <translation>请删除这些选项：面本身就是灾害区</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="476"/>
        <source>{role} must be a raster (GeoTIFF or GeoPackage raster)</source>
        <translation>{role} 应为栅格（GeoTIFF 或 GeoPackage 栅格）</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="477"/>
        <source>give a raster file</source>
        <translation>请提供栅格文件</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="479"/>
        <source>nodata is an option of raster layers</source>
        <translation>nodata 是栅格图层的选项</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="512"/>
        <source>the file has no CRS; taken as {crs}, as the plan&apos;s `crs` for this layer says</source>
        <translation>文件没有坐标参考系；按方案中该图层的 `crs` 取为 {crs}</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="524"/>
        <source>the file&apos;s CRS {own} is overridden by the plan&apos;s {crs}</source>
        <translation>文件的坐标参考系 {own} 被方案中的 {crs} 替代</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="537"/>
        <source>the layer has no .prj file, so its coordinates cannot be placed</source>
        <translation>该图层没有 .prj 文件，无法确定其坐标位置</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="537"/>
        <source>the layer has no CRS, so its coordinates cannot be placed</source>
        <translation>该图层没有坐标参考系，无法确定其坐标位置</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="542"/>
        <source>add the .prj file, or set `crs = &quot;EPSG:...&quot;` for this layer or the plan</source>
        <translation>请补上 .prj 文件，或为该图层或方案设置 `crs = &quot;EPSG:...&quot;`</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="549"/>
        <source>the layer has no CRS; taken to be the plan&apos;s {crs}</source>
        <translation>该图层没有坐标参考系；按方案的 {crs} 处理</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="549"/>
        <source>set `crs = &quot;EPSG:...&quot;` for this layer if that is wrong</source>
        <translation>如不正确，请为该图层设置 `crs = &quot;EPSG:...&quot;`</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="586"/>
        <source>use e.g. crs = &quot;EPSG:32650&quot;</source>
        <translation>请使用如 crs = &quot;EPSG:32650&quot; 的写法</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="593"/>
        <source>the plan CRS {crs} (Web Mercator) distorts distances by 1/cos(latitude)</source>
        <translation>方案坐标参考系 {crs}（Web 墨卡托）的距离变形为 1/cos(纬度)</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="593"/>
        <source>give the UTM or CGCS2000 Gauss-Krüger zone of the plan, or leave `crs` out to choose it</source>
        <translation>请给出方案所在的 UTM 带或 CGCS2000 高斯-克吕格带，或省略 `crs` 由程序选定</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="605"/>
        <source>the plan CRS {crs} is not a projected CRS in metres</source>
        <translation>方案坐标参考系 {crs} 不是以米为单位的投影坐标系</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="605"/>
        <source>give a metric CRS (UTM or CGCS2000 Gauss-Krüger), or leave `crs` out to choose one</source>
        <translation>请给出以米为单位的坐标参考系（UTM 或 CGCS2000 高斯-克吕格），或省略 `crs` 由程序选定</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="639"/>
        <source>no metric CRS can be chosen: {reason}</source>
        <translation>无法选定以米为单位的坐标参考系：{reason}</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="639"/>
        <source>give each layer its CRS (`crs = &quot;EPSG:...&quot;`), or the plan&apos;s `crs`</source>
        <translation>请为每个图层给出坐标参考系（`crs = &quot;EPSG:...&quot;`），或给出方案的 `crs`</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="671"/>
        <source>no layer could be loaded</source>
        <translation>没有可加载的图层</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="671"/>
        <source>run `spaceplanner validate`</source>
        <translation>请运行 `spaceplanner validate`</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="745"/>
        <source>the plan file cannot be read ({reason})</source>
        <translation>方案文件无法读取（{reason}）</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="751"/>
        <source>is a folder, not a plan file</source>
        <translation>是文件夹而不是方案文件</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="751"/>
        <source>name the .toml or .gpkg plan inside it</source>
        <translation>请指定其中的 .toml 或 .gpkg 方案</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="133"/>
        <source>is not a regular file (a pipe, socket or device)</source>
        <translation>不是普通文件（而是管道、套接字或设备）</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="755"/>
        <source>give the path of a .toml or .gpkg plan file</source>
        <translation>请给出 .toml 或 .gpkg 方案文件的路径</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="791"/>
        <source>a plan is a .toml spec or a .gpkg plan file</source>
        <translation>方案应为 .toml 方案说明或 .gpkg 方案文件</translation>
    </message>
    <message>
        <location filename="../model/plan.py" line="791"/>
        <source>see the README for the TOML format</source>
        <translation>TOML 格式见 README</translation>
    </message>
    <message>
        <location filename="../model/plan_core.py" line="217"/>
        <source>the frame has no CRS</source>
        <translation>数据表没有坐标参考系</translation>
    </message>
    <message>
        <location filename="../model/plan_core.py" line="218"/>
        <source>set one with frame.set_crs(...)</source>
        <translation>请用 frame.set_crs(...) 设置</translation>
    </message>
    <message>
        <location filename="../model/plan_core.py" line="288"/>
        <source>{message} ({n} more problems: run `spaceplanner validate`)</source>
        <translation>{message}（另有 {n} 个问题：请运行 `spaceplanner validate`）</translation>
    </message>
    <message>
        <location filename="../model/plan_core.py" line="318"/>
        <source>raster kept in its own CRS {own} (the plan is in {crs}); it is read windowed to the plan</source>
        <translation>栅格保留其自身坐标参考系 {own}（方案为 {crs}）；按方案范围分块读取</translation>
    </message>
    <message>
        <location filename="../model/plan_core.py" line="336"/>
        <source>coordinates cannot be projected from {own} to {crs}</source>
        <translation>坐标无法从 {own} 投影到 {crs}</translation>
    </message>
    <message>
        <location filename="../model/plan_core.py" line="339"/>
        <source>the layer&apos;s CRS is probably wrong (x and y swapped?); set `crs =` for it</source>
        <translation>该图层的坐标参考系可能有误（x、y 颠倒？）；请为其设置 `crs =`</translation>
    </message>
    <message>
        <location filename="../model/plan_core.py" line="345"/>
        <source>lon/lat</source>
        <translation>经纬度</translation>
    </message>
    <message>
        <location filename="../model/plan_core.py" line="345"/>
        <source>Web Mercator</source>
        <translation>Web 墨卡托</translation>
    </message>
    <message>
        <location filename="../model/plan_core.py" line="345"/>
        <source>projected</source>
        <translation>投影坐标</translation>
    </message>
    <message>
        <location filename="../model/plan_core.py" line="352"/>
        <source>projected from {own} ({kind}) to the plan&apos;s metric {crs}</source>
        <translation>已从 {own}（{kind}）投影到方案的米制坐标系 {crs}</translation>
    </message>
    <message>
        <location filename="../model/plan_core.py" line="388"/>
        <source>{id} (and {more} more)</source>
        <translation>{id}（另有 {more} 个）</translation>
    </message>
    <message>
        <location filename="../model/plan_core.py" line="391"/>
        <source>set `crs = &quot;EPSG:...&quot;` for this layer to the projected CRS its coordinates are in (a GeoJSON without a CRS is read as WGS84 lon/lat)</source>
        <translation>请为该图层设置 `crs = &quot;EPSG:...&quot;`，取其坐标所在的投影坐标系（没有坐标参考系的 GeoJSON 按 WGS84 经纬度读取）</translation>
    </message>
    <message>
        <location filename="../model/plan_core.py" line="396"/>
        <source>set `crs = &quot;EPSG:4326&quot;` for this layer (or the lon/lat CRS it was drawn in)</source>
        <translation>请为该图层设置 `crs = &quot;EPSG:4326&quot;`（或其绘制时所用的经纬度坐标系）</translation>
    </message>
    <message>
        <location filename="../model/plan_core.py" line="405"/>
        <source>({x:,.0f}, {y:,.0f}) in {crs}</source>
        <translation>{crs} 中的 ({x:,.0f}, {y:,.0f})</translation>
    </message>
    <message>
        <location filename="../../layers/tables.py" line="184"/>
        <source>{ids} and {more} more</source>
        <translation>{ids} 等（另有 {more} 个）</translation>
    </message>
    <message>
        <location filename="../model/plan_core.py" line="474"/>
        <source>the other layer</source>
        <translation>另一个图层</translation>
    </message>
    <message>
        <location filename="../model/plan_core.py" line="474"/>
        <source>the other {n} layers</source>
        <translation>其余 {n} 个图层</translation>
    </message>
    <message>
        <location filename="../model/plan_core.py" line="480"/>
        <source>the layer lies at {at}, {km:,.1f} km from {others} ({names}) at {home}: the layers do not overlap; lon/lat swapped?</source>
        <translation>该图层位于 {at}，距位于 {home} 的{others}（{names}）{km:,.1f} 公里：图层互不重叠；经纬度颠倒了？</translation>
    </message>
    <message>
        <location filename="../model/plan_core.py" line="480"/>
        <source>the layer lies at {at}, {km:,.1f} km from {others} ({names}) at {home}: the layers do not overlap</source>
        <translation>该图层位于 {at}，距位于 {home} 的{others}（{names}）{km:,.1f} 公里：图层互不重叠</translation>
    </message>
    <message>
        <location filename="../model/plan_core.py" line="497"/>
        <source>swap its x and y (longitude first), or correct its CRS with `crs = &quot;EPSG:...&quot;`</source>
        <translation>请对调其 x 和 y（经度在前），或用 `crs = &quot;EPSG:...&quot;` 更正其坐标参考系</translation>
    </message>
    <message>
        <location filename="../model/plan_core.py" line="521"/>
        <source>its CRS is probably wrong (lon/lat swapped, or another EPSG code); set `crs = &quot;EPSG:...&quot;` for it</source>
        <translation>其坐标参考系可能有误（经纬度颠倒，或 EPSG 代码不对）；请为其设置 `crs = &quot;EPSG:...&quot;`</translation>
    </message>
    <message>
        <location filename="../model/plan_core.py" line="521"/>
        <source>the layer lies {km:,.1f} km away from {names}: the layers do not overlap</source>
        <translation>该图层距 {names} {km:,.1f} 公里：图层互不重叠</translation>
    </message>
    <message>
        <location filename="../model/plan_core.py" line="551"/>
        <source>the whole plan is only {across:.3g} m across (less than {least:g} m): its coordinates are not metres in {crs}; degrees in a metric CRS?</source>
        <translation>整个方案范围只有 {across:.3g} 米（小于 {least:g} 米）：其坐标不是 {crs} 中的米；是否把经纬度当成了米制坐标？</translation>
    </message>
    <message>
        <location filename="../model/plan_core.py" line="555"/>
        <source>give each layer the CRS its coordinates are in (`crs = &quot;EPSG:4326&quot;` for lon/lat)</source>
        <translation>请为每个图层给出其坐标所在的坐标参考系（经纬度用 `crs = &quot;EPSG:4326&quot;`）</translation>
    </message>
    <message>
        <location filename="../model/plan_core.py" line="573"/>
        <source>the plan spans {km:,.0f} km (layer &apos;{layer}&apos; alone {alone:,.0f} km), more than a community ({most:g} km at most): some coordinates are wrong</source>
        <translation>方案范围达 {km:,.0f} 公里（仅图层“{layer}”就有 {alone:,.0f} 公里），超出一个社区的范围（至多 {most:g} 公里）：部分坐标有误</translation>
    </message>
    <message>
        <location filename="../model/plan_core.py" line="583"/>
        <source>check feature {feature} (the farthest from the others) and the layer&apos;s CRS</source>
        <translation>请检查要素 {feature}（离其他要素最远）和该图层的坐标参考系</translation>
    </message>
    <message>
        <location filename="../model/plan_core.py" line="594"/>
        <source>the UTM zone of the plan</source>
        <translation>方案所在的 UTM 带</translation>
    </message>
    <message>
        <location filename="../model/plan_core.py" line="622"/>
        <source>{given} {crs} ({name}) distorts distances at the plan ({where}): its scale cannot measure there (at most {most:.0%} is accepted)</source>
        <translation>{given} {crs}（{name}）在方案所在处（{where}）距离变形过大：该处无法量算（至多允许 {most:.0%}）</translation>
    </message>
    <message>
        <location filename="../model/plan_core.py" line="622"/>
        <source>{given} {crs} ({name}) distorts distances at the plan ({where}): its scale is off by {error:.1%} (at most {most:.0%} is accepted)</source>
        <translation>{given} {crs}（{name}）在方案所在处（{where}）距离变形过大：比例偏差 {error:.1%}（至多允许 {most:.0%}）</translation>
    </message>
    <message>
        <location filename="../model/plan_core.py" line="640"/>
        <source>use {better} (the zone of the plan), or leave `crs` out to have it chosen</source>
        <translation>请使用 {better}（方案所在的投影带），或省略 `crs` 由程序选定</translation>
    </message>
    <message>
        <location filename="../model/plan_core.py" line="645"/>
        <source>the plan ({where}) lies outside the area of use of {given} {crs} ({name}); its distances are still within {most:.0%}</source>
        <translation>方案（{where}）位于{given} {crs}（{name}）的适用范围之外；其距离误差仍在 {most:.0%} 以内</translation>
    </message>
    <message>
        <location filename="../model/plan_core.py" line="655"/>
        <source>{crs} is made for this place</source>
        <translation>{crs} 适用于此地</translation>
    </message>
    <message>
        <location filename="../model/plan_core.py" line="663"/>
        <source>the plan&apos;s crs</source>
        <translation>方案的坐标参考系</translation>
    </message>
    <message>
        <location filename="../model/plan_core.py" line="664"/>
        <source>the chosen CRS</source>
        <translation>选定的坐标参考系</translation>
    </message>
    <message>
        <location filename="../model/plan_core.py" line="665"/>
        <source>the CRS</source>
        <translation>坐标参考系</translation>
    </message>
    <message>
        <location filename="../sources/osm.py" line="544"/>
        <source>a plan file must end in .gpkg</source>
        <translation>方案文件名须以 .gpkg 结尾</translation>
    </message>
    <message>
        <location filename="../sources/osm.py" line="545"/>
        <source>choose a name like plan.gpkg</source>
        <translation>请使用如 plan.gpkg 的文件名</translation>
    </message>
    <message>
        <location filename="../model/plan_file.py" line="206"/>
        <source>the plan has no layers to save</source>
        <translation>方案中没有可保存的图层</translation>
    </message>
    <message>
        <location filename="../model/plan_file.py" line="211"/>
        <source>create it first</source>
        <translation>请先创建</translation>
    </message>
    <message>
        <location filename="../model/plan_file.py" line="216"/>
        <source>the plan could not be written: {reason}</source>
        <translation>方案无法写入：{reason}</translation>
    </message>
    <message>
        <location filename="../model/plan_file.py" line="222"/>
        <source>the plan metadata is damaged ({what}); was the file edited in another program?</source>
        <translation>方案元数据已损坏（{what}）；该文件是否被其他程序编辑过？</translation>
    </message>
    <message>
        <location filename="../model/plan_file.py" line="358"/>
        <source>restore the file from a backup, or convert the plan again from its TOML spec</source>
        <translation>请从备份恢复该文件，或由其 TOML 方案说明重新转换</translation>
    </message>
    <message>
        <location filename="../model/plan_file.py" line="236"/>
        <source>this is a results GeoPackage written by SpacePlanner, not a plan</source>
        <translation>这是 SpacePlanner 输出的结果 GeoPackage，而不是方案</translation>
    </message>
    <message>
        <location filename="../model/plan_file.py" line="237"/>
        <source>open the plan it was made from (its .toml spec or plan .gpkg) instead</source>
        <translation>请改为打开生成它的方案（.toml 方案说明或方案 .gpkg）</translation>
    </message>
    <message>
        <location filename="../model/plan_file.py" line="243"/>
        <source>not a SpacePlanner plan file (no {table} table)</source>
        <translation>不是 SpacePlanner 方案文件（没有 {table} 表）</translation>
    </message>
    <message>
        <location filename="../model/plan_file.py" line="246"/>
        <source>declare its layers in a .toml plan and run `spaceplanner convert`</source>
        <translation>请在 .toml 方案中声明其图层，再运行 `spaceplanner convert`</translation>
    </message>
    <message>
        <location filename="../model/plan_file.py" line="260"/>
        <source>the table cannot be read: {reason}</source>
        <translation>该表无法读取：{reason}</translation>
    </message>
    <message>
        <location filename="../model/plan_file.py" line="264"/>
        <source>the plan metadata is missing</source>
        <translation>缺少方案元数据</translation>
    </message>
    <message>
        <location filename="../model/plan_file.py" line="265"/>
        <source>save the plan again from its TOML spec</source>
        <translation>请由其 TOML 方案说明重新保存方案</translation>
    </message>
    <message>
        <location filename="../model/plan_file.py" line="269"/>
        <source>not JSON</source>
        <translation>不是 JSON</translation>
    </message>
    <message>
        <location filename="../model/plan_file.py" line="271"/>
        <source>not a table of settings</source>
        <translation>不是设置表</translation>
    </message>
    <message>
        <location filename="../model/plan_file.py" line="277"/>
        <source>the plan was saved by a newer SpacePlanner</source>
        <translation>该方案由较新版本的 SpacePlanner 保存</translation>
    </message>
    <message>
        <location filename="../model/plan_file.py" line="278"/>
        <source>upgrade SpacePlanner to open it</source>
        <translation>请升级 SpacePlanner 后再打开</translation>
    </message>
    <message>
        <location filename="../model/plan_file.py" line="281"/>
        <source>&apos;{key}&apos; is missing or not a {kind}</source>
        <translation>“{key}”缺失或类型不是 {kind}</translation>
    </message>
    <message>
        <location filename="../model/plan_file.py" line="289"/>
        <source>layer entry {n} lacks its name, role or type</source>
        <translation>第 {n} 个图层条目缺少名称、图层角色或类型</translation>
    </message>
    <message>
        <location filename="../model/plan_file.py" line="292"/>
        <source>&apos;{key}&apos; of layer &apos;{layer}&apos; is not a table</source>
        <translation>图层“{layer}”的“{key}”不是表</translation>
    </message>
    <message>
        <location filename="../model/plan_file.py" line="306"/>
        <source>the plan file gives the layer an unknown role &apos;{role}&apos;</source>
        <translation>方案文件为该图层指定了未知的图层角色“{role}”</translation>
    </message>
    <message>
        <location filename="../model/plan_file.py" line="316"/>
        <source>the layer is listed in the plan but its table is missing from the file</source>
        <translation>方案中列有该图层，但文件中缺少其数据表</translation>
    </message>
    <message>
        <location filename="../model/plan_file.py" line="317"/>
        <source>it was probably deleted in another program: restore the file from a backup, or convert the plan again from its TOML spec</source>
        <translation>可能已被其他程序删除：请从备份恢复该文件，或由其 TOML 方案说明重新转换</translation>
    </message>
    <message>
        <location filename="../model/plan_file.py" line="330"/>
        <source>the CRS of raster &apos;{name}&apos; cannot be read</source>
        <translation>栅格“{name}”的坐标参考系无法读取</translation>
    </message>
    <message>
        <location filename="../model/plan_file.py" line="349"/>
        <source>the layer&apos;s table cannot be read ({reason})</source>
        <translation>该图层的数据表无法读取（{reason}）</translation>
    </message>
    <message>
        <location filename="../model/plan_file.py" line="357"/>
        <source>the layer&apos;s table has no geometry or no CRS</source>
        <translation>该图层的数据表没有几何或没有坐标参考系</translation>
    </message>
    <message>
        <location filename="../model/plan_file.py" line="412"/>
        <source>the plan CRS cannot be read</source>
        <translation>方案的坐标参考系无法读取</translation>
    </message>
    <message>
        <location filename="../model/plan_file.py" line="430"/>
        <source>it lists no layer</source>
        <translation>其中未列出任何图层</translation>
    </message>
    <message>
        <location filename="../model/rules.py" line="146"/>
        <source>did you mean &apos;{guess}&apos;?, or give the path of a profile .toml</source>
        <translation>是否指“{guess}”？也可给出规则配置 .toml 文件的路径</translation>
    </message>
    <message>
        <location filename="../model/rules.py" line="146"/>
        <source>profiles: {names}, or give the path of a profile .toml</source>
        <translation>规则配置有：{names}；也可给出规则配置 .toml 文件的路径</translation>
    </message>
    <message>
        <location filename="../model/rules.py" line="155"/>
        <source>unknown rule profile &apos;{name}&apos;</source>
        <translation>未知的规则配置“{name}”</translation>
    </message>
    <message>
        <location filename="../model/rules.py" line="158"/>
        <source>rule profile file not found</source>
        <translation>找不到规则配置文件</translation>
    </message>
    <message>
        <location filename="../model/rules.py" line="163"/>
        <source>the rule profile is not valid UTF-8 TOML ({reason})</source>
        <translation>规则配置不是有效的 UTF-8 TOML（{reason}）</translation>
    </message>
    <message>
        <location filename="../model/rules.py" line="168"/>
        <source>profiles extend each other in a loop ({chain})</source>
        <translation>规则配置之间循环继承（{chain}）</translation>
    </message>
    <message>
        <location filename="../model/rules.py" line="219"/>
        <source>default shelter class &apos;{name}&apos; has no rules</source>
        <translation>默认避难场所类别“{name}”没有规则</translation>
    </message>
    <message>
        <location filename="../model/rules.py" line="265"/>
        <source>{field} must be a table of named indicators</source>
        <translation>{field} 应为命名指标的表</translation>
    </message>
    <message>
        <location filename="../model/rules.py" line="270"/>
        <source>&apos;{name}&apos; cannot name an indicator</source>
        <translation>“{name}”不能用作指标名称</translation>
    </message>
    <message>
        <location filename="../model/rules.py" line="271"/>
        <source>use lower-case letters, digits and _ (e.g. park_coverage)</source>
        <translation>请使用小写字母、数字和 _（如 park_coverage）</translation>
    </message>
    <message>
        <location filename="../model/rules.py" line="278"/>
        <source>&apos;{name}&apos; already names another indicator</source>
        <translation>“{name}”已是另一个指标的名称</translation>
    </message>
    <message>
        <location filename="../model/rules.py" line="286"/>
        <source>{field} must be a table</source>
        <translation>{field} 应为表</translation>
    </message>
    <message>
        <location filename="../model/rules.py" line="296"/>
        <source>{field} must be a list of activity-space kinds</source>
        <translation>{field} 应为活动空间类型的列表</translation>
    </message>
    <message>
        <location filename="../model/rules.py" line="297"/>
        <source>e.g. [&quot;park&quot;, &quot;green&quot;]</source>
        <translation>例如 [&quot;park&quot;, &quot;green&quot;]</translation>
    </message>
    <message>
        <location filename="../model/rules.py" line="306"/>
        <source>kinds: {names}</source>
        <translation>类型有：{names}</translation>
    </message>
    <message>
        <location filename="../model/rules.py" line="311"/>
        <source>{field} has an unknown kind &apos;{kind}&apos;</source>
        <translation>{field} 含有未知类型“{kind}”</translation>
    </message>
    <message>
        <location filename="../model/rules.py" line="320"/>
        <source>{field} must list at least one size band</source>
        <translation>{field} 应至少列出一个规模分级</translation>
    </message>
    <message>
        <location filename="../model/rules.py" line="321"/>
        <source>add [[{field}]] tables with min_area_m2 and radius_m</source>
        <translation>请添加含 min_area_m2 和 radius_m 的 [[{field}]] 表</translation>
    </message>
    <message>
        <location filename="../model/rules.py" line="339"/>
        <source>two size bands of {field} start at the same area</source>
        <translation>{field} 中有两个规模分级的起始面积相同</translation>
    </message>
    <message>
        <location filename="../model/rules.py" line="340"/>
        <source>each band is a size interval: give each its own min_area_m2</source>
        <translation>每个分级是一个面积区间：请为每个分级给出各自的 min_area_m2</translation>
    </message>
    <message>
        <location filename="../model/rules.py" line="394"/>
        <source>{field} = {value:g} is a share and must be at most 1</source>
        <translation>{field} = {value:g} 是比例，不能大于 1</translation>
    </message>
    <message>
        <location filename="../model/rules.py" line="351"/>
        <source>e.g. 0.8</source>
        <translation>例如 0.8</translation>
    </message>
    <message>
        <location filename="../model/rules.py" line="360"/>
        <source>{field} = {high:g} is not above min_area_m2 = {low:g}</source>
        <translation>{field} = {high:g} 不大于 min_area_m2 = {low:g}</translation>
    </message>
    <message>
        <location filename="../model/rules.py" line="413"/>
        <source>{field} must be a table {example}</source>
        <translation>{field} 应为表 {example}</translation>
    </message>
    <message>
        <location filename="../model/rules.py" line="416"/>
        <source>every value names its source</source>
        <translation>每个数值都须注明其依据</translation>
    </message>
    <message>
        <location filename="../model/rules.py" line="390"/>
        <source>SpacePlanner default (the profile sets no target)</source>
        <translation>SpacePlanner 默认值（规则配置未设目标）</translation>
    </message>
    <message>
        <location filename="../model/targets.py" line="49"/>
        <source>e.g. 0.95</source>
        <translation>例如 0.95</translation>
    </message>
    <message>
        <location filename="../model/rules.py" line="407"/>
        <source>the profile has no value for {field}</source>
        <translation>规则配置中没有 {field} 的取值</translation>
    </message>
    <message>
        <location filename="../model/rules.py" line="408"/>
        <source>add it, with its source</source>
        <translation>请补上该值及其依据</translation>
    </message>
    <message>
        <location filename="../model/rules.py" line="421"/>
        <source>{field} = {value} is not a number</source>
        <translation>{field} = {value} 不是数字</translation>
    </message>
    <message>
        <location filename="../model/rules.py" line="424"/>
        <source>{field} = {value} is not a finite number</source>
        <translation>{field} = {value} 不是有限数值</translation>
    </message>
    <message>
        <location filename="../model/rules.py" line="427"/>
        <source>give the value its source states</source>
        <translation>请填写其依据中规定的数值</translation>
    </message>
    <message>
        <location filename="../model/rules.py" line="431"/>
        <source>{field} = {value} must be positive</source>
        <translation>{field} = {value} 应为正数</translation>
    </message>
    <message>
        <location filename="../model/rules.py" line="431"/>
        <source>{field} = {value} must be zero or more</source>
        <translation>{field} = {value} 应不小于 0</translation>
    </message>
    <message>
        <location filename="../model/rules.py" line="476"/>
        <source>the profile has no rules for shelter class &apos;{name}&apos;</source>
        <translation>规则配置中没有避难场所类别“{name}”的规则</translation>
    </message>
    <message>
        <location filename="../model/rules.py" line="477"/>
        <source>classes: {names}</source>
        <translation>类别有：{names}</translation>
    </message>
    <message>
        <location filename="../model/targets.py" line="28"/>
        <source>targets must be a table of indicator = value</source>
        <translation>targets 应为“指标 = 数值”的表</translation>
    </message>
    <message>
        <location filename="../model/targets.py" line="29"/>
        <source>e.g. [targets] with shelter.sheltered = 0.95</source>
        <translation>例如 [targets] 下写 shelter.sheltered = 0.95</translation>
    </message>
    <message>
        <location filename="../model/targets.py" line="40"/>
        <source>target {name} = {value} is not a number</source>
        <translation>目标 {name} = {value} 不是数字</translation>
    </message>
    <message>
        <location filename="../model/targets.py" line="43"/>
        <source>give a number, e.g. 0.95</source>
        <translation>请给出数字，如 0.95</translation>
    </message>
    <message>
        <location filename="../model/targets.py" line="46"/>
        <source>target {name} = {value} must be a finite number, zero or more</source>
        <translation>目标 {name} = {value} 应为不小于 0 的有限数值</translation>
    </message>
    <message>
        <location filename="../sources/osm.py" line="72"/>
        <source>--bbox must be four numbers W,S,E,N in degrees, not &apos;{text}&apos;</source>
        <translation>--bbox 应为以度为单位的四个数 W,S,E,N（西,南,东,北），而不是“{text}”</translation>
    </message>
    <message>
        <location filename="../sources/osm.py" line="73"/>
        <source>e.g. --bbox 24.935,60.164,24.953,60.179</source>
        <translation>例如 --bbox 24.935,60.164,24.953,60.179</translation>
    </message>
    <message>
        <location filename="../sources/osm.py" line="76"/>
        <source>--bbox {text} is not a box W,S,E,N in degrees (W &lt; E, S &lt; N)</source>
        <translation>--bbox {text} 不是以度为单位的范围 W,S,E,N（须西 &lt; 东、南 &lt; 北）</translation>
    </message>
    <message>
        <location filename="../sources/osm.py" line="77"/>
        <source>longitudes first: W,S,E,N</source>
        <translation>经度在前：W,S,E,N（西,南,东,北）</translation>
    </message>
    <message>
        <location filename="../sources/osm.py" line="86"/>
        <source>the boundary file has no CRS</source>
        <translation>边界文件没有坐标参考系</translation>
    </message>
    <message>
        <location filename="../sources/osm.py" line="87"/>
        <source>save it with a .prj / in a GeoPackage</source>
        <translation>请连同 .prj 保存，或存为 GeoPackage</translation>
    </message>
    <message>
        <location filename="../sources/osm.py" line="92"/>
        <source>the boundary file holds no polygon</source>
        <translation>边界文件中没有面要素</translation>
    </message>
    <message>
        <location filename="../sources/osm.py" line="99"/>
        <source>give the area as a polygon</source>
        <translation>请以面要素给出范围</translation>
    </message>
    <message>
        <location filename="../sources/osm.py" line="98"/>
        <source>the boundary polygons are empty</source>
        <translation>边界面要素为空</translation>
    </message>
    <message>
        <location filename="../sources/osm.py" line="111"/>
        <source>e.g. --crs EPSG:32632</source>
        <translation>例如 --crs EPSG:32632</translation>
    </message>
    <message>
        <location filename="../sources/osm.py" line="115"/>
        <source>--crs {crs} is not a projected CRS in metres</source>
        <translation>--crs {crs} 不是以米为单位的投影坐标系</translation>
    </message>
    <message>
        <location filename="../sources/osm.py" line="116"/>
        <source>choose a UTM or national grid, e.g. EPSG:32632</source>
        <translation>请选用 UTM 带或国家坐标系，如 EPSG:32632</translation>
    </message>
    <message>
        <location filename="../sources/osm.py" line="139"/>
        <source>the extract does not cover the plan&apos;s area: {share:.0%} of it lies outside the extract&apos;s extent {extent}</source>
        <translation>数据摘录未覆盖方案范围：其中 {share:.0%} 位于摘录范围 {extent} 之外</translation>
    </message>
    <message>
        <location filename="../sources/osm.py" line="143"/>
        <source>use an extract that covers the area, or a smaller --bbox / --boundary</source>
        <translation>请使用覆盖该范围的数据摘录，或缩小 --bbox / --boundary</translation>
    </message>
    <message>
        <location filename="../sources/osm.py" line="146"/>
        <source>the box is given W,S,E,N, longitude first: its numbers look swapped</source>
        <translation>范围按 W,S,E,N 给出，经度在前：这些数字像是颠倒了</translation>
    </message>
    <message>
        <location filename="../sources/osm.py" line="242"/>
        <source>the extract has no walkable ways in the plan&apos;s area</source>
        <translation>数据摘录在方案范围内没有可步行的道路</translation>
    </message>
    <message>
        <location filename="../sources/osm.py" line="243"/>
        <source>check the --bbox / --boundary (W,S,E,N in degrees) and that the extract holds streets (highway=*)</source>
        <translation>请检查 --bbox / --boundary（以度为单位的 W,S,E,N），并确认摘录中含有街道（highway=*）</translation>
    </message>
    <message>
        <location filename="../sources/osm.py" line="301"/>
        <source>the walking network has {n} islands in the plan&apos;s area not connected to its main part ({km:.1f} km): {listed}; residents who reach only an island cannot walk to sites elsewhere</source>
        <translation>步行网络在方案范围内有 {n} 个孤岛未与主网（{km:.1f} 公里）连通：{listed}；只能到达孤岛的居民无法步行前往其他场所</translation>
    </message>
    <message>
        <location filename="../sources/osm.py" line="307"/>
        <source>connect them in the plan (draw the missing footway) or fix the map</source>
        <translation>请在方案中将其连通（补画缺失的步道），或修正地图</translation>
    </message>
    <message>
        <location filename="../sources/osm.py" line="395"/>
        <source>give the plan&apos;s area as either --bbox or --boundary</source>
        <translation>请用 --bbox 或 --boundary 之一给出方案范围</translation>
    </message>
    <message>
        <location filename="../sources/osm.py" line="396"/>
        <source>--bbox W,S,E,N in degrees, or --boundary FILE</source>
        <translation>--bbox W,S,E,N（以度为单位），或 --boundary 文件</translation>
    </message>
    <message>
        <location filename="../sources/osm.py" line="493"/>
        <source>no residential building lies in the plan&apos;s area to estimate residents from</source>
        <translation>方案范围内没有可用于估算居民的居住建筑</translation>
    </message>
    <message>
        <location filename="../sources/osm.py" line="494"/>
        <source>give a population grid or raster with --population</source>
        <translation>请用 --population 提供人口格网或人口栅格</translation>
    </message>
    <message>
        <location filename="../sources/osm.py" line="518"/>
        <source>Built from the OpenStreetMap extract {extract} (© OpenStreetMap contributors, ODbL 1.0) for {area}, in {crs}; residents from {population}.</source>
        <translation>由 OpenStreetMap 数据摘录 {extract}（© OpenStreetMap 贡献者，ODbL 1.0）生成，范围 {area}，坐标系 {crs}；居民数据来自 {population}。</translation>
    </message>
    <message>
        <location filename="../sources/osm.py" line="518"/>
        <source>Built from the OpenStreetMap extract {extract} (© OpenStreetMap contributors, ODbL 1.0) for {area}, in {crs}; residents estimated: {estimate}</source>
        <translation>由 OpenStreetMap 数据摘录 {extract}（© OpenStreetMap 贡献者，ODbL 1.0）生成，范围 {area}，坐标系 {crs}；居民为估算值：{estimate}</translation>
    </message>
    <message>
        <location filename="../sources/osm.py" line="547"/>
        <source>the plan file exists</source>
        <translation>方案文件已存在</translation>
    </message>
    <message>
        <location filename="../sources/osm.py" line="548"/>
        <source>choose another name or add --overwrite</source>
        <translation>请另取文件名，或加上 --overwrite</translation>
    </message>
    <message>
        <location filename="../sources/osm.py" line="552"/>
        <source>the plan file would replace an input</source>
        <translation>方案文件会覆盖输入数据</translation>
    </message>
    <message>
        <location filename="../sources/osm_read.py" line="64"/>
        <source>reading OpenStreetMap extracts needs pyosmium, which is not installed</source>
        <translation>读取 OpenStreetMap 数据摘录需要 pyosmium，但尚未安装</translation>
    </message>
    <message>
        <location filename="../sources/osm_read.py" line="65"/>
        <source>install it with: pip install &quot;spaceplanner[osm]&quot;</source>
        <translation>安装方法：pip install &quot;spaceplanner[osm]&quot;</translation>
    </message>
    <message>
        <location filename="../sources/osm_read.py" line="72"/>
        <source>the OpenStreetMap extract does not exist</source>
        <translation>OpenStreetMap 数据摘录不存在</translation>
    </message>
    <message>
        <location filename="../sources/osm_read.py" line="73"/>
        <source>check the --osm path</source>
        <translation>请检查 --osm 路径</translation>
    </message>
    <message>
        <location filename="../sources/osm_read.py" line="75"/>
        <source>the OpenStreetMap extract is not a file or is empty</source>
        <translation>OpenStreetMap 数据摘录不是文件或为空</translation>
    </message>
    <message>
        <location filename="../sources/osm_read.py" line="76"/>
        <source>give an .osm.pbf or .osm file</source>
        <translation>请提供 .osm.pbf 或 .osm 文件</translation>
    </message>
    <message>
        <location filename="../sources/osm_read.py" line="78"/>
        <source>the OpenStreetMap extract has an unknown extension</source>
        <translation>OpenStreetMap 数据摘录的扩展名未知</translation>
    </message>
    <message>
        <location filename="../sources/osm_read.py" line="79"/>
        <source>give a file ending in {endings}</source>
        <translation>请提供扩展名为 {endings} 的文件</translation>
    </message>
    <message>
        <location filename="../sources/osm_read.py" line="171"/>
        <source>the OpenStreetMap extract cannot be read ({reason})</source>
        <translation>OpenStreetMap 数据摘录无法读取（{reason}）</translation>
    </message>
    <message>
        <location filename="../sources/osm_read.py" line="172"/>
        <source>check that it is a whole .osm.pbf or .osm file</source>
        <translation>请确认它是完整的 .osm.pbf 或 .osm 文件</translation>
    </message>
    <message>
        <location filename="../sources/osm_read.py" line="183"/>
        <source>{n} ways cut at the extract&apos;s edge are kept as far as the extract has them</source>
        <translation>有 {n} 条道路在摘录边缘被截断，保留摘录内的部分</translation>
    </message>
    <message>
        <location filename="../sources/osm_read.py" line="188"/>
        <source>{ways} ways and {areas} areas could not be built (ways or relations cut at the extract&apos;s edge, or with missing nodes): left out</source>
        <translation>有 {ways} 条线和 {areas} 个面无法生成（在摘录边缘被截断的线或关系，或缺少节点）：已略去</translation>
    </message>
    <message>
        <location filename="../sources/osm_read.py" line="229"/>
        <source>the OpenStreetMap extract holds nothing the plan can use</source>
        <translation>OpenStreetMap 数据摘录中没有方案可用的内容</translation>
    </message>
    <message>
        <location filename="../sources/osm_read.py" line="230"/>
        <source>check that it is the extract of a populated place</source>
        <translation>请确认它是有人居住地区的摘录</translation>
    </message>
    <message>
        <location filename="../sources/osm_tags.py" line="59"/>
        <source>the tag rule &apos;{text}&apos; is not of the form key=value (joined with &apos; &amp; &apos;)</source>
        <translation>标签规则“{text}”不是 key=value 的形式（多个条件以 ' &amp; ' 连接）</translation>
    </message>
    <message>
        <location filename="../sources/osm_tags.py" line="62"/>
        <source>e.g. &quot;leisure=park&quot;</source>
        <translation>例如 &quot;leisure=park&quot;</translation>
    </message>
    <message>
        <location filename="../sources/osm_tags.py" line="65"/>
        <source>the tag rule &apos;{text}&apos; maps to {kind}, not a text</source>
        <translation>标签规则“{text}”对应的是 {kind}，而不是文本</translation>
    </message>
    <message>
        <location filename="../sources/osm_tags.py" line="68"/>
        <source>e.g. &quot;leisure=park&quot; = &quot;park&quot;</source>
        <translation>例如 &quot;leisure=park&quot; = &quot;park&quot;</translation>
    </message>
    <message>
        <location filename="../sources/osm_tags.py" line="109"/>
        <source>{field} must be a number ≥ 0, not {value}</source>
        <translation>{field} 应为 ≥ 0 的数字，而不是 {value}</translation>
    </message>
    <message>
        <location filename="../sources/osm_tags.py" line="121"/>
        <source>see layers/sources.toml</source>
        <translation>参见 layers/sources.toml</translation>
    </message>
    <message>
        <location filename="../sources/osm_tags.py" line="120"/>
        <source>{field} must be a list of texts</source>
        <translation>{field} 应为文本列表</translation>
    </message>
    <message>
        <location filename="../sources/osm_tags.py" line="178"/>
        <source>the tag mapping file does not exist</source>
        <translation>标签映射文件不存在</translation>
    </message>
    <message>
        <location filename="../sources/osm_tags.py" line="179"/>
        <source>check the --tags path</source>
        <translation>请检查 --tags 路径</translation>
    </message>
    <message>
        <location filename="../sources/osm_tags.py" line="181"/>
        <source>the tag mapping file cannot be read ({reason})</source>
        <translation>标签映射文件无法读取（{reason}）</translation>
    </message>
    <message>
        <location filename="../sources/osm_tags.py" line="182"/>
        <source>it must be TOML, as layers/sources.toml</source>
        <translation>它应为 TOML 格式，同 layers/sources.toml</translation>
    </message>
    <message>
        <location filename="../sources/osm_tags.py" line="186"/>
        <source>the tag mapping file has no [osm] section</source>
        <translation>标签映射文件没有 [osm] 节</translation>
    </message>
    <message>
        <location filename="../sources/osm_tags.py" line="187"/>
        <source>give it the shape of layers/sources.toml [osm]</source>
        <translation>请按 layers/sources.toml 的 [osm] 节格式编写</translation>
    </message>
    <message>
        <location filename="../sources/population.py" line="36"/>
        <source>the population layer does not overlap the plan&apos;s area</source>
        <translation>人口图层与方案范围不重叠</translation>
    </message>
    <message>
        <location filename="../sources/population.py" line="37"/>
        <source>check that it covers the area and that its CRS is right</source>
        <translation>请确认其覆盖该范围且坐标参考系正确</translation>
    </message>
    <message>
        <location filename="../sources/population.py" line="77"/>
        <source>the population layer has no CRS</source>
        <translation>人口图层没有坐标参考系</translation>
    </message>
    <message>
        <location filename="../sources/population.py" line="78"/>
        <source>save it with its CRS</source>
        <translation>请连同坐标参考系一起保存</translation>
    </message>
    <message>
        <location filename="../sources/population.py" line="81"/>
        <source>the population layer has no field &apos;{field}&apos;</source>
        <translation>人口图层没有字段“{field}”</translation>
    </message>
    <message>
        <location filename="../sources/population.py" line="81"/>
        <source>the population layer has no population field</source>
        <translation>人口图层没有人口字段</translation>
    </message>
    <message>
        <location filename="../sources/population.py" line="86"/>
        <source>name it with --population-field (fields: {fields})</source>
        <translation>请用 --population-field 指定（现有字段：{fields}）</translation>
    </message>
    <message>
        <location filename="../sources/population.py" line="98"/>
        <source>{n} population values are not numbers ≥ 0</source>
        <translation>有 {n} 个人口值不是 ≥ 0 的数字</translation>
    </message>
    <message>
        <location filename="../sources/population.py" line="99"/>
        <source>fix them</source>
        <translation>请修正</translation>
    </message>
    <message>
        <location filename="../sources/population.py" line="127"/>
        <source>{n} population cells are cut by the plan&apos;s boundary: each keeps the persons of the share of its area inside</source>
        <translation>有 {n} 个人口格网单元被方案边界切分：每个单元按其位于范围内的面积比例保留人数</translation>
    </message>
    <message>
        <location filename="../sources/population.py" line="207"/>
        <source>osm.buildings.floor_area_per_person_m2 must be more than 0</source>
        <translation>osm.buildings.floor_area_per_person_m2 应大于 0</translation>
    </message>
    <message>
        <location filename="../sources/population.py" line="208"/>
        <source>e.g. 45</source>
        <translation>例如 45</translation>
    </message>
    <message>
        <location filename="../sources/population.py" line="255"/>
        <source>residents are an estimate, not a count: {total:,.0f} persons in {n} OSM buildings = footprint x levels / {per_person:g} m² floor area per person (levels from building:levels, else height / {level_height:g} m, else {default_levels:g}; residential buildings and building=yes outside non-residential land, footprints ≥ {min_footprint:g} m²); give a population grid with --population for counted figures</source>
        <translation>居民数为估算值而非统计数：{n} 栋 OSM 建筑中共 {total:,.0f} 人 = 基底面积 × 层数 ÷ 人均建筑面积 {per_person:g} 平方米（层数取 building:levels，否则取高度 ÷ {level_height:g} 米，否则取 {default_levels:g}；计入居住建筑及非居住用地以外的 building=yes，基底面积 ≥ {min_footprint:g} 平方米）；如需统计数，请用 --population 提供人口格网</translation>
    </message>
    <message>
        <location filename="../../layers/catalogue.py" line="208"/>
        <source>unknown role &apos;{name}&apos; (did you mean &apos;{guess}&apos;?)</source>
        <translation>未知的图层角色“{name}”（是否指“{guess}”？）</translation>
    </message>
    <message>
        <location filename="../../layers/catalogue.py" line="208"/>
        <source>unknown role &apos;{name}&apos;</source>
        <translation>未知的图层角色“{name}”</translation>
    </message>
    <message>
        <location filename="../../layers/chinacrs.py" line="206"/>
        <source>{system} coordinates are longitude/latitude, but the file&apos;s CRS is projected</source>
        <translation>{system} 坐标是经纬度，但文件的坐标参考系是投影坐标系</translation>
    </message>
    <message>
        <location filename="../../layers/chinacrs.py" line="209"/>
        <source>remove crs = &quot;{system}&quot; if the file&apos;s own CRS is right</source>
        <translation>如文件自身的坐标参考系正确，请删除 crs = &quot;{system}&quot;</translation>
    </message>
    <message>
        <location filename="../../layers/chinacrs.py" line="230"/>
        <source>{n} of {total} features lie outside China, e.g. {where}, where {system} is not used (the conversion would leave them unchanged)</source>
        <translation>{total} 个要素中有 {n} 个位于中国境外，如 {where}，该处不使用 {system}（转换不会改变这些坐标）</translation>
    </message>
    <message>
        <location filename="../../layers/chinacrs.py" line="234"/>
        <source>longitude and latitude swapped? or not {system}: remove crs = &quot;{system}&quot; for WGS 84 data</source>
        <translation>经纬度颠倒了？或者不是 {system}：WGS 84 数据请删除 crs = &quot;{system}&quot;</translation>
    </message>
    <message>
        <location filename="../../layers/chinacrs.py" line="251"/>
        <source>coordinates converted from {system} to WGS 84 (moved up to {shift:,.0f} m)</source>
        <translation>坐标已由 {system} 转换为 WGS 84（最大偏移 {shift:,.0f} 米）</translation>
    </message>
    <message>
        <location filename="../../layers/conform.py" line="85"/>
        <source>persons_per_household is an option of residents layers</source>
        <translation>persons_per_household 是居民图层的选项</translation>
    </message>
    <message>
        <location filename="../../layers/conform.py" line="86"/>
        <source>remove it here</source>
        <translation>请在此处删除</translation>
    </message>
    <message>
        <location filename="../../layers/conform.py" line="88"/>
        <source>persons_per_household is given but the layer has no households column</source>
        <translation>给出了 persons_per_household，但该图层没有户数字段</translation>
    </message>
    <message>
        <location filename="../../layers/conform.py" line="89"/>
        <source>map the households with `households = &quot;&lt;column&gt;&quot;` (户数, households, ...)</source>
        <translation>请用 `households = &quot;&lt;column&gt;&quot;` 指定户数字段（户数、households 等）</translation>
    </message>
    <message>
        <location filename="../../layers/conform.py" line="116"/>
        <source>{n} features have neither population nor households</source>
        <translation>有 {n} 个要素既无人口也无户数</translation>
    </message>
    <message>
        <location filename="../../layers/conform.py" line="117"/>
        <source>fill in one of them or remove those features</source>
        <translation>请填写其中之一，或删除这些要素</translation>
    </message>
    <message>
        <location filename="../../layers/conform.py" line="129"/>
        <source>population of {n} features = households x {per_household:g} persons per household (an estimate)</source>
        <translation>{n} 个要素的人口 = 户数 × 户均 {per_household:g} 人（估算值）</translation>
    </message>
    <message>
        <location filename="../../layers/conform.py" line="188"/>
        <source>{n} features have duplicate ids</source>
        <translation>有 {n} 个要素的编号重复</translation>
    </message>
    <message>
        <location filename="../../layers/conform.py" line="188"/>
        <source>{n} features have missing ids</source>
        <translation>有 {n} 个要素缺少编号</translation>
    </message>
    <message>
        <location filename="../../layers/conform.py" line="193"/>
        <source>make the id column unique, or drop `id =` to let SpacePlanner number features</source>
        <translation>请使编号字段唯一，或删除 `id =` 由 SpacePlanner 自动编号</translation>
    </message>
    <message>
        <location filename="../../layers/conform.py" line="202"/>
        <source>column &apos;{column}&apos; has duplicate values, so features are numbered &apos;{label}-1&apos;, &apos;{label}-2&apos;, ...</source>
        <translation>字段“{column}”有重复值，因此要素按“{label}-1”“{label}-2”……编号</translation>
    </message>
    <message>
        <location filename="../../layers/conform.py" line="202"/>
        <source>column &apos;{column}&apos; has missing values, so features are numbered &apos;{label}-1&apos;, &apos;{label}-2&apos;, ...</source>
        <translation>字段“{column}”有缺失值，因此要素按“{label}-1”“{label}-2”……编号</translation>
    </message>
    <message>
        <location filename="../../layers/conform.py" line="202"/>
        <source>map a unique column with `id = &quot;...&quot;` to keep your ids</source>
        <translation>如需保留原有编号，请用 `id = &quot;...&quot;` 指定一个取值唯一的字段</translation>
    </message>
    <message>
        <location filename="../../layers/conform.py" line="237"/>
        <source>value &apos;{value}&apos; has a decimal comma ({n} such features), which would be misread as thousands</source>
        <translation>数值“{value}”使用逗号作小数点（共 {n} 个要素），会被误读为千位分隔</translation>
    </message>
    <message>
        <location filename="../../layers/conform.py" line="241"/>
        <source>if the source writes decimals with a comma, set `decimal = &quot;,&quot;` for this layer</source>
        <translation>如源数据以逗号作小数点，请为该图层设置 `decimal = &quot;,&quot;`</translation>
    </message>
    <message>
        <location filename="../../layers/conform.py" line="252"/>
        <source>value &apos;{value}&apos; is not a number ({n} such features)</source>
        <translation>数值“{value}”不是数字（共 {n} 个要素）</translation>
    </message>
    <message>
        <location filename="../../layers/conform.py" line="252"/>
        <source>value &apos;{value}&apos; is not a number with the decimal mark &apos;{decimal}&apos; ({n} such features)</source>
        <translation>按小数点“{decimal}”，数值“{value}”不是数字（共 {n} 个要素）</translation>
    </message>
    <message>
        <location filename="../../layers/conform.py" line="313"/>
        <source>fix the values in the source</source>
        <translation>请在源数据中修正这些值</translation>
    </message>
    <message>
        <location filename="../../layers/conform.py" line="269"/>
        <source>&apos;{value}&apos; and other values with one comma group are read with &apos;,&apos; as the thousands separator ({number:g})</source>
        <translation>“{value}”等含一组逗号的数值按“,”为千位分隔符读取（{number:g}）</translation>
    </message>
    <message>
        <location filename="../../layers/conform.py" line="269"/>
        <source>if &quot;,&quot; is the decimal mark in this source, set `decimal = &quot;,&quot;` for the layer</source>
        <translation>如该源数据以“,”作小数点，请为该图层设置 `decimal = &quot;,&quot;`</translation>
    </message>
    <message>
        <location filename="../../layers/conform.py" line="296"/>
        <source>{subject} is not a finite number</source>
        <translation>{subject} 不是有限数值</translation>
    </message>
    <message>
        <location filename="../../layers/conform.py" line="296"/>
        <source>{subject} is not a finite number ({n} such features)</source>
        <translation>{subject} 不是有限数值（共 {n} 个要素）</translation>
    </message>
    <message>
        <location filename="../../layers/conform.py" line="301"/>
        <source>give a real value, or leave it empty</source>
        <translation>请填写实际数值，或留空</translation>
    </message>
    <message>
        <location filename="../../layers/conform.py" line="308"/>
        <source>{subject} is negative</source>
        <translation>{subject} 为负值</translation>
    </message>
    <message>
        <location filename="../../layers/conform.py" line="308"/>
        <source>{subject} is negative ({n} such features)</source>
        <translation>{subject} 为负值（共 {n} 个要素）</translation>
    </message>
    <message>
        <location filename="../../layers/conform.py" line="322"/>
        <source>{subject} is above the plausible maximum of {maximum:,.0f} {unit} for one feature</source>
        <translation>{subject} 超过单个要素的合理上限 {maximum:,.0f} {unit}</translation>
    </message>
    <message>
        <location filename="../../layers/conform.py" line="322"/>
        <source>{subject} is above the plausible maximum of {maximum:,.0f} {unit} for one feature ({n} such features)</source>
        <translation>{subject} 超过单个要素的合理上限 {maximum:,.0f} {unit}（共 {n} 个要素）</translation>
    </message>
    <message>
        <location filename="../../layers/conform.py" line="334"/>
        <source>{subject} is above the plausible maximum of {maximum:,.0f} for one feature</source>
        <translation>{subject} 超过单个要素的合理上限 {maximum:,.0f}</translation>
    </message>
    <message>
        <location filename="../../layers/conform.py" line="334"/>
        <source>{subject} is above the plausible maximum of {maximum:,.0f} for one feature ({n} such features)</source>
        <translation>{subject} 超过单个要素的合理上限 {maximum:,.0f}（共 {n} 个要素）</translation>
    </message>
    <message>
        <location filename="../../layers/conform.py" line="345"/>
        <source>check the value (a unit mistake or a no-data code?); the bounds are in the role catalogue (roles.toml)</source>
        <translation>请检查该值（单位有误还是无数据代码？）；取值范围见图层角色目录（roles.toml）</translation>
    </message>
    <message>
        <location filename="../../layers/conform.py" line="373"/>
        <source>{n} features have no {field} value</source>
        <translation>有 {n} 个要素没有 {field} 值</translation>
    </message>
    <message>
        <location filename="../../layers/conform.py" line="374"/>
        <source>fill in the {field} ({unit}) or remove those features</source>
        <translation>请填写 {field}（{unit}），或删除这些要素</translation>
    </message>
    <message>
        <location filename="../../layers/conform.py" line="402"/>
        <source>value &apos;{value}&apos; is not yes/no ({n} such features)</source>
        <translation>数值“{value}”不是“是/否”值（共 {n} 个要素）</translation>
    </message>
    <message>
        <location filename="../../layers/conform.py" line="421"/>
        <source>{name} = {value} is not yes/no</source>
        <translation>{name} = {value} 不是“是/否”值</translation>
    </message>
    <message>
        <location filename="../../layers/conform.py" line="436"/>
        <source>{name} = {value} is not a number</source>
        <translation>{name} = {value} 不是数字</translation>
    </message>
    <message>
        <location filename="../../layers/conform.py" line="437"/>
        <source>give {unit}</source>
        <translation>请给出{unit}</translation>
    </message>
    <message>
        <location filename="../../layers/conform.py" line="448"/>
        <source>{name} = {value} is not text</source>
        <translation>{name} = {value} 不是文本</translation>
    </message>
    <message>
        <location filename="../../layers/conform.py" line="449"/>
        <source>write it in quotes: {name} = &quot;{value}&quot;</source>
        <translation>请加引号书写：{name} = &quot;{value}&quot;</translation>
    </message>
    <message>
        <location filename="../../layers/conform.py" line="468"/>
        <source>{n} features have a {field} that is not in the catalogue ({values}); kept as given</source>
        <translation>有 {n} 个要素的 {field} 不在目录中（{values}）；按原值保留</translation>
    </message>
    <message>
        <location filename="../../layers/conform.py" line="630"/>
        <source>known values: {values}</source>
        <translation>可用的值：{values}</translation>
    </message>
    <message>
        <location filename="../../layers/conform.py" line="493"/>
        <source>{n} features have no geometry and are skipped</source>
        <translation>有 {n} 个要素没有几何，已跳过</translation>
    </message>
    <message>
        <location filename="../../layers/conform.py" line="493"/>
        <source>draw them or remove them in the source</source>
        <translation>请在源数据中补画或删除这些要素</translation>
    </message>
    <message>
        <location filename="../../layers/conform.py" line="515"/>
        <source>{n} of {total} features are {found}s, but {role} must be {need}</source>
        <translation>{total} 个要素中有 {n} 个是 {found}，但 {role} 应为{need}</translation>
    </message>
    <message>
        <location filename="../../layers/conform.py" line="518"/>
        <source>give {role} as {need}, or give this layer another role</source>
        <translation>请以{need}提供 {role}，或为该图层指定其他图层角色</translation>
    </message>
    <message>
        <location filename="../../layers/conform.py" line="536"/>
        <source>repaired {n} invalid geometries with make_valid (first: {reason})</source>
        <translation>已用 make_valid 修复 {n} 个无效几何（第一个：{reason}）</translation>
    </message>
    <message>
        <location filename="../../layers/conform.py" line="536"/>
        <source>check the repaired shapes, or fix them in the source</source>
        <translation>请检查修复后的形状，或在源数据中修正</translation>
    </message>
    <message>
        <location filename="../../layers/conform.py" line="551"/>
        <source>{n} invalid geometries collapsed to nothing and are skipped</source>
        <translation>有 {n} 个无效几何修复后为空，已跳过</translation>
    </message>
    <message>
        <location filename="../../layers/conform.py" line="606"/>
        <source>decimal = {value} is not a decimal mark</source>
        <translation>decimal = {value} 不是小数点符号</translation>
    </message>
    <message>
        <location filename="../../layers/conform.py" line="607"/>
        <source>use decimal = &quot;.&quot; or decimal = &quot;,&quot;</source>
        <translation>请使用 decimal = &quot;.&quot; 或 decimal = &quot;,&quot;</translation>
    </message>
    <message>
        <location filename="../../layers/conform.py" line="616"/>
        <source>the column &apos;{column}&apos; mapped to {field} is not in the layer</source>
        <translation>映射到 {field} 的字段“{column}”不在该图层中</translation>
    </message>
    <message>
        <location filename="../../layers/tables.py" line="256"/>
        <source>columns are: {columns}</source>
        <translation>现有字段：{columns}</translation>
    </message>
    <message>
        <location filename="../../layers/conform.py" line="630"/>
        <source>{field} &apos;{value}&apos; is not in the catalogue; kept as given</source>
        <translation>{field}“{value}”不在目录中；按原值保留</translation>
    </message>
    <message>
        <location filename="../../layers/conform.py" line="642"/>
        <source>the layer has no features</source>
        <translation>该图层没有要素</translation>
    </message>
    <message>
        <location filename="../../layers/conform.py" line="643"/>
        <source>add features, or remove the layer from the plan</source>
        <translation>请添加要素，或从方案中移除该图层</translation>
    </message>
    <message>
        <location filename="../../layers/conform.py" line="650"/>
        <source>no feature of the layer has a usable geometry</source>
        <translation>该图层没有一个要素具有可用的几何</translation>
    </message>
    <message>
        <location filename="../../layers/conform.py" line="651"/>
        <source>check the source in a GIS</source>
        <translation>请在 GIS 软件中检查源数据</translation>
    </message>
    <message>
        <location filename="../../layers/conform.py" line="659"/>
        <source>no population field, only households (&apos;{column}&apos;): the number of residents is not known</source>
        <translation>没有人口字段，只有户数（“{column}”）：居民人数未知</translation>
    </message>
    <message>
        <location filename="../../layers/conform.py" line="663"/>
        <source>add `persons_per_household = 2.62` to the layer (China&apos;s 2020 census average; use the local figure) or map a population column</source>
        <translation>请为该图层添加 `persons_per_household = 2.62`（2020 年全国人口普查的户均人数；宜用当地数据），或指定人口字段</translation>
    </message>
    <message>
        <location filename="../../layers/conform.py" line="672"/>
        <source>give `{field} = &quot;&lt;value&gt;&quot;` or `{field}_field = &quot;&lt;column&gt;&quot;`; columns are: {columns}</source>
        <translation>请给出 `{field} = &quot;&lt;value&gt;&quot;` 或 `{field}_field = &quot;&lt;column&gt;&quot;`；现有字段：{columns}</translation>
    </message>
    <message>
        <location filename="../../layers/conform.py" line="672"/>
        <source>map it with `{field} = &quot;&lt;column&gt;&quot;`; columns are: {columns}</source>
        <translation>请用 `{field} = &quot;&lt;column&gt;&quot;` 指定；现有字段：{columns}</translation>
    </message>
    <message>
        <location filename="../../layers/conform.py" line="680"/>
        <source>no {field} field ({aliases}, ... not found)</source>
        <translation>没有 {field} 字段（未找到 {aliases} 等）</translation>
    </message>
    <message>
        <location filename="../../layers/crs.py" line="70"/>
        <source>{system} is WGS 84 with the offset Chinese web maps apply, not a CRS: it is taken as a layer&apos;s crs only (the layer is converted to WGS 84 on load)</source>
        <translation>{system} 是国内网络地图加偏后的 WGS 84，不是坐标参考系：只可作为图层的 crs（加载时转换为 WGS 84）</translation>
    </message>
    <message>
        <location filename="../../layers/crs.py" line="78"/>
        <source>&apos;{value}&apos; is not a coordinate reference system pyproj knows ({reason})</source>
        <translation>“{value}”不是 pyproj 能识别的坐标参考系（{reason}）</translation>
    </message>
    <message>
        <location filename="../../layers/crs.py" line="136"/>
        <source>no layers to choose a CRS from</source>
        <translation>没有可据以选定坐标参考系的图层</translation>
    </message>
    <message>
        <location filename="../../layers/crs.py" line="144"/>
        <source>the coordinates cannot be placed on Earth in their CRS</source>
        <translation>按其坐标参考系无法在地球上定位这些坐标</translation>
    </message>
    <message>
        <location filename="../../layers/crs.py" line="160"/>
        <source>no UTM zone holds ({lon:.6g}, {lat:.6g})</source>
        <translation>没有包含 ({lon:.6g}, {lat:.6g}) 的 UTM 带</translation>
    </message>
    <message>
        <location filename="../../layers/crs.py" line="223"/>
        <source>some coordinates are not finite numbers</source>
        <translation>部分坐标不是有限数值</translation>
    </message>
    <message>
        <location filename="../../layers/crs.py" line="226"/>
        <source>coordinates reach ({x}, {y}), outside longitude/latitude ranges, but the CRS {crs} is lon/lat: they look like metres</source>
        <translation>坐标达到 ({x}, {y})，超出经纬度范围，但坐标参考系 {crs} 是经纬度：这些坐标像是以米为单位</translation>
    </message>
    <message>
        <location filename="../../layers/crs.py" line="241"/>
        <source>every coordinate lies within ±180, ±90 ({minx}..{maxx}, {miny}..{maxy}): they look like degrees, but the CRS {crs} is projected in metres and its area of use is elsewhere</source>
        <translation>所有坐标都在 ±180、±90 以内（{minx}..{maxx}，{miny}..{maxy}）：像是经纬度，但坐标参考系 {crs} 是以米为单位的投影坐标系，且其适用范围在别处</translation>
    </message>
    <message>
        <location filename="../../layers/dxf.py" line="57"/>
        <source>closed</source>
        <translation>闭合</translation>
    </message>
    <message>
        <location filename="../../layers/dxf.py" line="57"/>
        <source>open</source>
        <translation>不闭合</translation>
    </message>
    <message>
        <location filename="../../layers/dxf.py" line="57"/>
        <source>point</source>
        <translation>点</translation>
    </message>
    <message>
        <location filename="../../layers/dxf.py" line="134"/>
        <source>DWG drawings are not read (the format is closed)</source>
        <translation>不读取 DWG 图纸（该格式不公开）</translation>
    </message>
    <message>
        <location filename="../../layers/dxf.py" line="135"/>
        <source>save the drawing as DXF (AutoCAD: 另存为 / Save As → AutoCAD DXF; or the free ODA File Converter) and give the .dxf file</source>
        <translation>请将图纸另存为 DXF（AutoCAD：另存为 → AutoCAD DXF；或用免费的 ODA File Converter），并提供 .dxf 文件</translation>
    </message>
    <message>
        <location filename="../../layers/dxf.py" line="147"/>
        <source>reading CAD drawings needs the package ezdxf</source>
        <translation>读取 CAD 图纸需要 ezdxf 包</translation>
    </message>
    <message>
        <location filename="../../layers/dxf.py" line="148"/>
        <source>pip install &apos;spaceplanner[cad]&apos; (or ezdxf)</source>
        <translation>pip install 'spaceplanner[cad]'（或 ezdxf）</translation>
    </message>
    <message>
        <location filename="../../layers/dxf.py" line="154"/>
        <source>the DXF file cannot be read ({reason})</source>
        <translation>DXF 文件无法读取（{reason}）</translation>
    </message>
    <message>
        <location filename="../../layers/dxf.py" line="155"/>
        <source>the file may be damaged or not a DXF; save it again as DXF from the CAD program</source>
        <translation>文件可能已损坏或不是 DXF；请在 CAD 软件中重新另存为 DXF</translation>
    </message>
    <message>
        <location filename="../../layers/dxf.py" line="311"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../layers/dxf.py" line="312"/>
        <source>no drawing layer matches {asked}; the drawing&apos;s layers are: {names}</source>
        <translation>没有与 {asked} 匹配的图纸图层；图纸中的图层有：{names}</translation>
    </message>
    <message>
        <location filename="../../layers/dxf.py" line="315"/>
        <source>name the drawing layer(s) with layer = &quot;...&quot; or dxf_layers = [&quot;...&quot;, &quot;...&quot;]</source>
        <translation>请用 layer = &quot;...&quot; 或 dxf_layers = [&quot;...&quot;, &quot;...&quot;] 指定图纸图层</translation>
    </message>
    <message>
        <location filename="../../layers/dxf.py" line="356"/>
        <source>{n} {kind} ({shape})</source>
        <translation>{n} 个 {kind}（{shape}）</translation>
    </message>
    <message>
        <location filename="../../layers/dxf.py" line="361"/>
        <source>left out as not {need}: {listed}</source>
        <translation>因不是{need}而略去：{listed}</translation>
    </message>
    <message>
        <location filename="../../layers/dxf.py" line="361"/>
        <source>areas must be closed polylines or hatches in the drawing</source>
        <translation>图纸中的面须为闭合多段线或填充</translation>
    </message>
    <message>
        <location filename="../../layers/dxf.py" line="374"/>
        <source>the drawing layers {layers} hold nothing usable as {need}</source>
        <translation>图纸图层 {layers} 中没有可用作{need}的内容</translation>
    </message>
    <message>
        <location filename="../../layers/dxf.py" line="377"/>
        <source>check the drawing layer names, and that areas are closed polylines or hatches</source>
        <translation>请检查图纸图层名称，并确认面为闭合多段线或填充</translation>
    </message>
    <message>
        <location filename="../../layers/dxf.py" line="391"/>
        <source>read {n} features from drawing layers {layers}</source>
        <translation>已从图纸图层 {layers} 读取 {n} 个要素</translation>
    </message>
    <message>
        <location filename="../../layers/dxf.py" line="422"/>
        <source>{n} drawn lines are split where they cross into {pieces} walkable pieces (CAD lines meet at junctions without a shared vertex)</source>
        <translation>{n} 条图纸线在交叉处打断为 {pieces} 段可步行路段（CAD 线在路口相交处没有公共节点）</translation>
    </message>
    <message>
        <location filename="../../layers/dxf.py" line="473"/>
        <source>placed by {n} control points (scale {scale:.6g} per drawing unit, rotation {rotation:.3f}°, largest misfit {misfit:.3g} m)</source>
        <translation>已按 {n} 个控制点配准（每图纸单位 {scale:.6g}，旋转 {rotation:.3f}°，最大残差 {misfit:.3g} 米）</translation>
    </message>
    <message>
        <location filename="../../layers/dxf.py" line="473"/>
        <source>placed by {n} control points (scale {scale:.6g} per drawing unit, rotation {rotation:.3f}°)</source>
        <translation>已按 {n} 个控制点配准（每图纸单位 {scale:.6g}，旋转 {rotation:.3f}°）</translation>
    </message>
    <message>
        <location filename="../../layers/dxf.py" line="491"/>
        <source>the control points imply {implied:.6g} m per drawing unit, but the drawing is in {unit} ({scale:g} m)</source>
        <translation>控制点推算出每图纸单位 {implied:.6g} 米，但图纸单位为 {unit}（{scale:g} 米）</translation>
    </message>
    <message>
        <location filename="../../layers/dxf.py" line="491"/>
        <source>check the control points&apos; drawing and map coordinates</source>
        <translation>请检查控制点的图纸坐标和地图坐标</translation>
    </message>
    <message>
        <location filename="../../layers/dxf.py" line="508"/>
        <source>the drawing declares no unit ($INSUNITS) and would span {km:,.0f} km read as metres: it is most likely drawn in millimetres</source>
        <translation>图纸未声明单位（$INSUNITS），按米读取则跨度达 {km:,.0f} 公里：很可能是以毫米绘制</translation>
    </message>
    <message>
        <location filename="../../layers/dxf.py" line="512"/>
        <source>say its unit: units = &quot;mm&quot; (or &quot;cm&quot;; units = &quot;m&quot; if it really is metres)</source>
        <translation>请注明单位：units = &quot;mm&quot;（或 &quot;cm&quot;；确为米则 units = &quot;m&quot;）</translation>
    </message>
    <message>
        <location filename="../../layers/dxf.py" line="522"/>
        <source>the drawing declares no unit ($INSUNITS); read as metres</source>
        <translation>图纸未声明单位（$INSUNITS）；按米读取</translation>
    </message>
    <message>
        <location filename="../../layers/dxf.py" line="522"/>
        <source>drawing units are {unit}; scaled to metres</source>
        <translation>图纸单位为 {unit}；已换算为米</translation>
    </message>
    <message>
        <location filename="../../layers/dxf.py" line="527"/>
        <source>set units = &quot;mm&quot; (or cm, m) if that is wrong</source>
        <translation>如不正确，请设置 units = &quot;mm&quot;（或 cm、m）</translation>
    </message>
    <message>
        <location filename="../../layers/dxf.py" line="536"/>
        <source>moved by offset = [{dx:.12g}, {dy:.12g}]</source>
        <translation>已按 offset = [{dx:.12g}, {dy:.12g}] 平移</translation>
    </message>
    <message>
        <location filename="../../layers/dxf.py" line="549"/>
        <source>place it with offset = [X, Y] (the map coordinates of the drawing&apos;s 0,0) or control_points = [[x1, y1, X1, Y1], [x2, y2, X2, Y2]] (two drawing points and their map coordinates)</source>
        <translation>请用 offset = [X, Y]（图纸原点 0,0 的地图坐标）或 control_points = [[x1, y1, X1, Y1], [x2, y2, X2, Y2]]（两个图纸点及其地图坐标）进行定位</translation>
    </message>
    <message>
        <location filename="../../layers/dxf.py" line="555"/>
        <source>the drawing&apos;s coordinates look local: x {minx:,.0f} to {maxx:,.0f} m and y {miny:,.0f} to {maxy:,.0f} m from the drawing&apos;s origin, and no CRS places them</source>
        <translation>图纸坐标像是局部坐标：距图纸原点 x 为 {minx:,.0f} 至 {maxx:,.0f} 米，y 为 {miny:,.0f} 至 {maxy:,.0f} 米，且没有坐标参考系可定位</translation>
    </message>
    <message>
        <location filename="../../layers/dxf.py" line="559"/>
        <source>place it with offset = [X, Y] (the map coordinates of the drawing's 0,0) or control_points = [[x1, y1, X1, Y1], [x2, y2, X2, Y2]] (two drawing points and their map coordinates), and give crs = &quot;EPSG:...&quot; of the map coordinates (e.g. CGCS2000 / 3-degree Gauss-Krüger, EPSG:4534-4554)</source>
        <translation>请用 offset = [X, Y]（图纸原点 0,0 的地图坐标）或 control_points = [[x1, y1, X1, Y1], [x2, y2, X2, Y2]]（两个图纸点及其地图坐标）进行定位，并给出地图坐标的 crs = &quot;EPSG:...&quot;（如 CGCS2000 3 度带高斯-克吕格投影，EPSG:4534-4554）</translation>
    </message>
    <message>
        <location filename="../../layers/dxf.py" line="578"/>
        <source>the drawing&apos;s coordinates look local: x {minx:,.0f} to {maxx:,.0f} m and y {miny:,.0f} to {maxy:,.0f} m from the drawing&apos;s origin, not in {crs}, which the layer&apos;s crs names</source>
        <translation>图纸坐标像是局部坐标：距图纸原点 x 为 {minx:,.0f} 至 {maxx:,.0f} 米，y 为 {miny:,.0f} 至 {maxy:,.0f} 米，不在该图层 crs 指定的 {crs} 中</translation>
    </message>
    <message>
        <location filename="../../layers/dxf.py" line="624"/>
        <source>dxf_layers must be a list of drawing layer names</source>
        <translation>dxf_layers 应为图纸图层名称的列表</translation>
    </message>
    <message>
        <location filename="../../layers/dxf.py" line="625"/>
        <source>e.g. dxf_layers = [&quot;绿地&quot;, &quot;广场&quot;]</source>
        <translation>例如 dxf_layers = [&quot;绿地&quot;, &quot;广场&quot;]</translation>
    </message>
    <message>
        <location filename="../../layers/dxf.py" line="633"/>
        <source>offset = {value} is not two numbers</source>
        <translation>offset = {value} 不是两个数</translation>
    </message>
    <message>
        <location filename="../../layers/dxf.py" line="634"/>
        <source>e.g. offset = [500000, 3380000]</source>
        <translation>例如 offset = [500000, 3380000]</translation>
    </message>
    <message>
        <location filename="../../layers/dxf.py" line="642"/>
        <source>control_points must be two or more rows of four numbers [x, y, X, Y]</source>
        <translation>control_points 应为两行或以上、每行四个数 [x, y, X, Y]</translation>
    </message>
    <message>
        <location filename="../../layers/dxf.py" line="643"/>
        <source>drawing x, y and map X, Y of each point: control_points = [[0, 0, 500100.0, 3380200.0], [1000, 0, 501099.6, 3380231.4]]</source>
        <translation>每个点的图纸 x、y 和地图 X、Y：control_points = [[0, 0, 500100.0, 3380200.0], [1000, 0, 501099.6, 3380231.4]]</translation>
    </message>
    <message>
        <location filename="../../layers/dxf.py" line="653"/>
        <source>the control points are all at one drawing point</source>
        <translation>控制点都位于同一个图纸点上</translation>
    </message>
    <message>
        <location filename="../../layers/dxf.py" line="654"/>
        <source>give two distinct points</source>
        <translation>请给出两个不同的点</translation>
    </message>
    <message>
        <location filename="../../layers/dxf.py" line="659"/>
        <source>give offset or control_points, not both</source>
        <translation>请给出 offset 或 control_points，不要同时给出</translation>
    </message>
    <message>
        <location filename="../../layers/dxf.py" line="660"/>
        <source>control points already place it</source>
        <translation>控制点已完成定位</translation>
    </message>
    <message>
        <location filename="../../layers/poi.py" line="135"/>
        <source>left out of this {role} layer: POIs whose type belongs to other roles ({shown})</source>
        <translation>已从该 {role} 图层中略去类型属于其他图层角色的兴趣点（{shown}）</translation>
    </message>
    <message>
        <location filename="../../layers/poi.py" line="135"/>
        <source>to use them, add a layer with the same path and role = &quot;{role}&quot;</source>
        <translation>如需使用，请添加一个路径相同、role = &quot;{role}&quot; 的图层</translation>
    </message>
    <message>
        <location filename="../../layers/poi.py" line="168"/>
        <source>POI types in &apos;{column}&apos; read as {role} kinds for {n} of {total} POIs (sources.toml, [poi.types])</source>
        <translation>{total} 个兴趣点中有 {n} 个按字段“{column}”中的兴趣点类型读作 {role} 的类型（sources.toml，[poi.types]）</translation>
    </message>
    <message>
        <location filename="../../layers/poi.py" line="214"/>
        <source>the file name says &apos;{word}&apos;</source>
        <translation>文件名中含有“{word}”</translation>
    </message>
    <message>
        <location filename="../../layers/poi.py" line="219"/>
        <source>columns {columns} are those of an export</source>
        <translation>字段 {columns} 是导出数据特有的字段</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="66"/>
        <source>commas</source>
        <translation>逗号</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="66"/>
        <source>semicolons (;)</source>
        <translation>分号（;）</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="66"/>
        <source>tabs</source>
        <translation>制表符</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="123"/>
        <source>the file cannot be read ({reason})</source>
        <translation>文件无法读取（{reason}）</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="124"/>
        <source>check the path and permissions</source>
        <translation>请检查路径和权限</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="127"/>
        <source>file not found</source>
        <translation>找不到文件</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="128"/>
        <source>check the path in the plan</source>
        <translation>请检查方案中的路径</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="130"/>
        <source>is a folder, not a file</source>
        <translation>是文件夹而不是文件</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="131"/>
        <source>name a file inside it</source>
        <translation>请指定其中的一个文件</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="134"/>
        <source>give the path of a data file</source>
        <translation>请给出数据文件的路径</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="136"/>
        <source>file is empty (0 bytes)</source>
        <translation>文件为空（0 字节）</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="290"/>
        <source>export the layer again</source>
        <translation>请重新导出该图层</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="145"/>
        <source>not a GeoPackage (the file is not an SQLite database)</source>
        <translation>不是 GeoPackage（该文件不是 SQLite 数据库）</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="146"/>
        <source>re-export it as a GeoPackage from your GIS</source>
        <translation>请在 GIS 软件中重新导出为 GeoPackage</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="157"/>
        <source>the file is cut short: {what}</source>
        <translation>文件不完整：{what}</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="158"/>
        <source>an interrupted copy or download? copy the Shapefile again (its .shp, .shx and .dbf together) from where it came from</source>
        <translation>可能是复制或下载中断？请从数据来源处重新复制该 Shapefile（.shp、.shx 和 .dbf 一起）</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="180"/>
        <source>the index (.shx) has no complete header</source>
        <translation>索引文件（.shx）的文件头不完整</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="185"/>
        <source>its index holds {held} of {total} features</source>
        <translation>其索引只包含 {total} 个要素中的 {held} 个</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="198"/>
        <source>{readable} of {held} features can be read</source>
        <translation>{held} 个要素中只有 {readable} 个可以读取</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="205"/>
        <source>the attribute table (.dbf) has no complete header</source>
        <translation>属性表（.dbf）的文件头不完整</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="210"/>
        <source>{rows} of {records} attribute records can be read</source>
        <translation>{records} 条属性记录中只有 {rows} 条可以读取</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="228"/>
        <source>the GeoPackage cannot be read ({reason})</source>
        <translation>GeoPackage 无法读取（{reason}）</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="719"/>
        <source>the file may be truncated; export it again</source>
        <translation>文件可能不完整，请重新导出</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="260"/>
        <source>GDAL cannot open the file ({reason})</source>
        <translation>GDAL 无法打开该文件（{reason}）</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="261"/>
        <source>check that the file is complete and of a GIS format</source>
        <translation>请检查文件是否完整、是否为 GIS 数据格式</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="274"/>
        <source>the file has no layer &apos;{layer}&apos;; its layers are: {names}</source>
        <translation>文件中没有图层“{layer}”；其图层有：{names}</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="274"/>
        <source>the file has no layer &apos;{layer}&apos;; its layers are: none</source>
        <translation>文件中没有图层“{layer}”；文件中没有任何图层</translation>
    </message>
    <message>
        <location filename="../../layers/tables.py" line="81"/>
        <source>fix `layer =` in the plan</source>
        <translation>请修改方案中的 `layer =`</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="284"/>
        <source>the file holds {n} layers ({names})</source>
        <translation>文件中有 {n} 个图层（{names}）</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="285"/>
        <source>choose one with `layer = &quot;...&quot;`</source>
        <translation>请用 `layer = &quot;...&quot;` 选择其中一个</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="289"/>
        <source>the file holds no layer</source>
        <translation>文件中没有图层</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="339"/>
        <source>unknown encoding &apos;{encoding}&apos;</source>
        <translation>未知编码“{encoding}”</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="340"/>
        <source>use a name such as &quot;utf-8&quot;, &quot;gbk&quot; or &quot;gb18030&quot;</source>
        <translation>请使用 &quot;utf-8&quot;、&quot;gbk&quot; 或 &quot;gb18030&quot; 等编码名称</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="355"/>
        <source>old Excel .xls files are not read</source>
        <translation>不读取旧版 Excel .xls 文件</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="356"/>
        <source>save the sheet as .xlsx or CSV</source>
        <translation>请将工作表另存为 .xlsx 或 CSV</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="369"/>
        <source>the {part} file of this Shapefile is missing</source>
        <translation>该 Shapefile 缺少 {part} 文件</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="370"/>
        <source>a Shapefile needs .shp, .shx and .dbf together; copy {file} from where the data came from</source>
        <translation>Shapefile 需要 .shp、.shx 和 .dbf 齐全；请从数据来源处复制 {file}</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="384"/>
        <source>no .cpg file; attribute text detected as {found}</source>
        <translation>没有 .cpg 文件；属性文本识别为 {found} 编码</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="384"/>
        <source>add a .cpg file or set encoding = &quot;{encoding}&quot; to be explicit</source>
        <translation>请添加 .cpg 文件，或明确设置 encoding = &quot;{encoding}&quot;</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="398"/>
        <source>no .cpg file and the text is neither UTF-8 nor GBK; read as Windows-1252</source>
        <translation>没有 .cpg 文件，且文本既不是 UTF-8 也不是 GBK；按 Windows-1252 读取</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="398"/>
        <source>set encoding = &quot;...&quot; in the plan if names look wrong</source>
        <translation>如名称显示为乱码，请在方案中设置 encoding = &quot;...&quot;</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="418"/>
        <source>attribute text is not valid {encoding} ({reason})</source>
        <translation>属性文本不是有效的 {encoding} 编码（{reason}）</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="421"/>
        <source>set encoding = &quot;...&quot; in the plan</source>
        <translation>请在方案中设置 encoding = &quot;...&quot;</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="430"/>
        <source>the .prj file (the layer&apos;s CRS) cannot be read</source>
        <translation>.prj 文件（图层的坐标参考系）无法读取</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="431"/>
        <source>copy a good .prj, or delete it and set crs = &quot;EPSG:...&quot; in the plan</source>
        <translation>请复制一个正确的 .prj，或删除它并在方案中设置 crs = &quot;EPSG:...&quot;</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="438"/>
        <source>GDAL cannot read the layer ({reason})</source>
        <translation>GDAL 无法读取该图层（{reason}）</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="439"/>
        <source>the file may be truncated or damaged; export it again</source>
        <translation>文件可能不完整或已损坏，请重新导出</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="448"/>
        <source>GDAL: {text}</source>
        <translation>GDAL：{text}</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="454"/>
        <source>the layer has no geometry column (a plain table)</source>
        <translation>该图层没有几何字段（是普通表格）</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="455"/>
        <source>give a spatial layer, or a CSV with x/y</source>
        <translation>请提供空间图层，或带 x/y 坐标列的 CSV</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="500"/>
        <source>text detected as GB18030 (GBK)</source>
        <translation>文本识别为 GB18030（GBK）编码</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="506"/>
        <source>columns are separated by {separator}</source>
        <translation>各列以{separator}分隔</translation>
    </message>
    <message>
        <location filename="../../layers/tables.py" line="165"/>
        <source>the CSV cannot be read ({reason})</source>
        <translation>CSV 无法读取（{reason}）</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="518"/>
        <source>save it again as UTF-8 CSV</source>
        <translation>请重新另存为 UTF-8 编码的 CSV</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="531"/>
        <source>&apos;{value}&apos; is not &quot;longitude,latitude&quot;</source>
        <translation>“{value}”不是“经度,纬度”格式</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="600"/>
        <source>fix or remove those rows</source>
        <translation>请修正或删除这些行</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="575"/>
        <source>no {axis} coordinate column &apos;{column}&apos;</source>
        <translation>没有 {axis} 坐标列“{column}”</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="575"/>
        <source>no {axis} coordinate column</source>
        <translation>没有 {axis} 坐标列</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="580"/>
        <source>name the columns with `x = &quot;...&quot;` and `y = &quot;...&quot;` (POI tables: 经度/纬度, lng/lat or a &quot;lng,lat&quot; location column); columns are {columns}</source>
        <translation>请用 `x = &quot;...&quot;` 和 `y = &quot;...&quot;` 指定坐标列（兴趣点表：经度/纬度、lng/lat 或 &quot;lng,lat&quot; 格式的 location 列）；现有列：{columns}</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="597"/>
        <source>coordinates &apos;{x}&apos;, &apos;{y}&apos; are not numbers</source>
        <translation>坐标“{x}”“{y}”不是数字</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="600"/>
        <source>they have decimal commas: set `decimal = &quot;,&quot;` for this layer</source>
        <translation>这些坐标以逗号作小数点：请为该图层设置 `decimal = &quot;,&quot;`</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="618"/>
        <source>({x:g}, {y:g}) is outside longitude/latitude ranges</source>
        <translation>({x:g}, {y:g}) 超出经纬度范围</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="621"/>
        <source>they look projected: set `crs = &quot;EPSG:...&quot;` for this layer</source>
        <translation>这些坐标像是投影坐标：请为该图层设置 `crs = &quot;EPSG:...&quot;`</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="673"/>
        <source>a GeoPackage raster needs its table name</source>
        <translation>GeoPackage 栅格需要指定其表名</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="674"/>
        <source>set `layer = &quot;...&quot;`</source>
        <translation>请设置 `layer = &quot;...&quot;`</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="681"/>
        <source>the raster is {width:,} x {height:,} cells ({billions:,.1f} billion); at most {millions:,.0f} million are read</source>
        <translation>该栅格为 {width:,} × {height:,} 个像元（{billions:,.1f} ×10⁹ 个）；最多读取 {millions:,.0f} ×10⁶ 个</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="690"/>
        <source>clip it to the plan area or resample it (e.g. gdal_translate -projwin ... or -tr ...) and give the smaller file</source>
        <translation>请将其裁剪到方案范围或重采样（如 gdal_translate -projwin ... 或 -tr ...），再提供较小的文件</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="700"/>
        <source>band {band} does not exist (the raster has {count})</source>
        <translation>波段 {band} 不存在（该栅格共有 {count} 个波段）</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="703"/>
        <source>fix `band =` in the plan</source>
        <translation>请修改方案中的 `band =`</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="718"/>
        <source>the raster cannot be read ({reason})</source>
        <translation>栅格无法读取（{reason}）</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="724"/>
        <source>the raster has no coordinate reference system</source>
        <translation>该栅格没有坐标参考系</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="725"/>
        <source>set `crs = &quot;EPSG:...&quot;` for this layer</source>
        <translation>请为该图层设置 `crs = &quot;EPSG:...&quot;`</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="729"/>
        <source>the raster declares a local CRS (&apos;{name}&apos;) that cannot be placed on Earth</source>
        <translation>该栅格声明的是无法在地球上定位的局部坐标系（“{name}”）</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="732"/>
        <source>name its real CRS with `crs = &quot;EPSG:...&quot;`</source>
        <translation>请用 `crs = &quot;EPSG:...&quot;` 指定其真实坐标参考系</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="740"/>
        <source>the file&apos;s CRS &apos;{own}&apos; is overridden by the plan&apos;s {crs}</source>
        <translation>文件的坐标参考系“{own}”被方案中的 {crs} 替代</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="753"/>
        <source>the file&apos;s no-data value {declared:g} is replaced by the plan&apos;s nodata = {nodata:g}</source>
        <translation>文件的无数据值 {declared:g} 被方案中的 nodata = {nodata:g} 替代</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="804"/>
        <source>the {dtype} maximum</source>
        <translation>{dtype} 类型的最大值</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="804"/>
        <source>the {dtype} minimum</source>
        <translation>{dtype} 类型的最小值</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="813"/>
        <source>a usual no-data marker</source>
        <translation>常用的无数据标记值</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="834"/>
        <source>the raster declares no no-data value, and about {cells:,} cells hold {value:g} ({what}), which looks like a no-data marker: they are read as data</source>
        <translation>该栅格未声明无数据值，约有 {cells:,} 个像元的值为 {value:g}（{what}），像是无数据标记：这些像元按数据读取</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="834"/>
        <source>the raster declares no no-data value, and {cells:,} cells hold {value:g} ({what}), which looks like a no-data marker: they are read as data</source>
        <translation>该栅格未声明无数据值，有 {cells:,} 个像元的值为 {value:g}（{what}），像是无数据标记：这些像元按数据读取</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="845"/>
        <source>if those cells have no data, declare it in the plan: nodata = {value:g}</source>
        <translation>如这些像元实为无数据，请在方案中声明：nodata = {value:g}</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="860"/>
        <source>the raster declares no no-data value, and {cells:,} cells are infinite</source>
        <translation>该栅格未声明无数据值，有 {cells:,} 个像元的值为无穷大</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="860"/>
        <source>declare the no-data value in the plan (nodata = ...) or fix the raster</source>
        <translation>请在方案中声明无数据值（nodata = ...），或修复该栅格</translation>
    </message>
    <message>
        <location filename="../../layers/readers.py" line="881"/>
        <source>use e.g. EPSG:4490</source>
        <translation>请使用如 EPSG:4490 的写法</translation>
    </message>
    <message>
        <location filename="../../layers/tables.py" line="58"/>
        <source>reading Excel files needs the package openpyxl</source>
        <translation>读取 Excel 文件需要 openpyxl 包</translation>
    </message>
    <message>
        <location filename="../../layers/tables.py" line="59"/>
        <source>pip install openpyxl, or save the sheet as CSV</source>
        <translation>请 pip install openpyxl，或将工作表另存为 CSV</translation>
    </message>
    <message>
        <location filename="../../layers/tables.py" line="68"/>
        <source>the Excel file cannot be read ({reason})</source>
        <translation>Excel 文件无法读取（{reason}）</translation>
    </message>
    <message>
        <location filename="../../layers/tables.py" line="69"/>
        <source>open it in Excel or WPS and save it again as .xlsx (or as CSV)</source>
        <translation>请在 Excel 或 WPS 中打开并重新另存为 .xlsx（或 CSV）</translation>
    </message>
    <message>
        <location filename="../../layers/tables.py" line="78"/>
        <source>the workbook has no sheet &apos;{sheet}&apos;; its sheets are: {names}</source>
        <translation>工作簿中没有工作表“{sheet}”；其工作表有：{names}</translation>
    </message>
    <message>
        <location filename="../../layers/tables.py" line="86"/>
        <source>the workbook holds {n} sheets with data ({names})</source>
        <translation>工作簿中有 {n} 个含数据的工作表（{names}）</translation>
    </message>
    <message>
        <location filename="../../layers/tables.py" line="89"/>
        <source>choose one with `layer = &quot;&lt;sheet&gt;&quot;`</source>
        <translation>请用 `layer = &quot;&lt;sheet&gt;&quot;` 选择其中一个</translation>
    </message>
    <message>
        <location filename="../../layers/tables.py" line="102"/>
        <source>the header of sheet &apos;{sheet}&apos; has merged cells ({cells}): a title row or a two-row header cannot be read as column names</source>
        <translation>工作表“{sheet}”的表头有合并单元格（{cells}）：标题行或两行表头无法读作列名</translation>
    </message>
    <message>
        <location filename="../../layers/tables.py" line="106"/>
        <source>unmerge them and keep one header row (row 1) with one name per column; delete title rows above it</source>
        <translation>请取消合并，只保留一行表头（第 1 行），每列一个名称；删除其上方的标题行</translation>
    </message>
    <message>
        <location filename="../../layers/tables.py" line="128"/>
        <source>sheet &apos;{sheet}&apos; is empty</source>
        <translation>工作表“{sheet}”为空</translation>
    </message>
    <message>
        <location filename="../../layers/tables.py" line="129"/>
        <source>choose the sheet with the data</source>
        <translation>请选择含数据的工作表</translation>
    </message>
    <message>
        <location filename="../../layers/tables.py" line="137"/>
        <source>column {column} of sheet &apos;{sheet}&apos; has no name in the header row</source>
        <translation>工作表“{sheet}”第 {column} 列在表头行中没有名称</translation>
    </message>
    <message>
        <location filename="../../layers/tables.py" line="140"/>
        <source>give every column a name in row 1</source>
        <translation>请在第 1 行为每一列命名</translation>
    </message>
    <message>
        <location filename="../../layers/tables.py" line="157"/>
        <source>a joined table must be .xlsx or .csv, not &apos;{suffix}&apos;</source>
        <translation>连接的表格应为 .xlsx 或 .csv，而不是“{suffix}”</translation>
    </message>
    <message>
        <location filename="../../layers/tables.py" line="158"/>
        <source>save it as .xlsx</source>
        <translation>请另存为 .xlsx</translation>
    </message>
    <message>
        <location filename="../../layers/tables.py" line="190"/>
        <source>e.g. join = {example}</source>
        <translation>例如 join = {example}</translation>
    </message>
    <message>
        <location filename="../../layers/tables.py" line="192"/>
        <source>join must be a table {example}</source>
        <translation>join 应为表 {example}</translation>
    </message>
    <message>
        <location filename="../../layers/tables.py" line="198"/>
        <source>join needs path and key (and may have table_key, sheet); &apos;{name}&apos; is not one of them</source>
        <translation>join 需要 path 和 key（可另有 table_key、sheet）；“{name}”不在其中</translation>
    </message>
    <message>
        <location filename="../../layers/tables.py" line="202"/>
        <source>join needs path and key (and may have table_key, sheet)</source>
        <translation>join 需要 path 和 key（可另有 table_key、sheet）</translation>
    </message>
    <message>
        <location filename="../../layers/tables.py" line="205"/>
        <source>join&apos;s {name} = {value} is not text</source>
        <translation>join 的 {name} = {value} 不是文本</translation>
    </message>
    <message>
        <location filename="../../layers/tables.py" line="207"/>
        <source>write it in quotes: {name} = &quot;...&quot;</source>
        <translation>请加引号书写：{name} = &quot;...&quot;</translation>
    </message>
    <message>
        <location filename="../../layers/tables.py" line="246"/>
        <source>the joined table is missing or empty</source>
        <translation>连接的表格不存在或为空</translation>
    </message>
    <message>
        <location filename="../../layers/tables.py" line="247"/>
        <source>check join&apos;s path (relative to the plan file)</source>
        <translation>请检查 join 的 path（相对于方案文件）</translation>
    </message>
    <message>
        <location filename="../../layers/tables.py" line="254"/>
        <source>the join key &apos;{key}&apos; is not a column of the layer</source>
        <translation>连接键“{key}”不是该图层的字段</translation>
    </message>
    <message>
        <location filename="../../layers/tables.py" line="264"/>
        <source>the join key &apos;{key}&apos; is not a column of the table</source>
        <translation>连接键“{key}”不是该表格的列</translation>
    </message>
    <message>
        <location filename="../../layers/tables.py" line="265"/>
        <source>columns are: {columns}; name it with table_key = ...</source>
        <translation>现有列：{columns}；请用 table_key = ... 指定</translation>
    </message>
    <message>
        <location filename="../../layers/tables.py" line="272"/>
        <source>{n} keys appear in several rows of the table, so a feature&apos;s row is unclear</source>
        <translation>有 {n} 个键值在表格中出现于多行，无法确定要素对应哪一行</translation>
    </message>
    <message>
        <location filename="../../layers/tables.py" line="275"/>
        <source>keep one row per key (sum the rows of a building first)</source>
        <translation>请每个键值只保留一行（先将同一栋楼的各行汇总）</translation>
    </message>
    <message>
        <location filename="../../layers/tables.py" line="296"/>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <location filename="../../layers/tables.py" line="297"/>
        <source>{n} of {total} features have no row in {table} (key {key}: {shown}); their joined fields are empty</source>
        <translation>{total} 个要素中有 {n} 个在 {table} 中没有对应行（键 {key}：{shown}）；其连接字段为空</translation>
    </message>
    <message>
        <location filename="../../layers/tables.py" line="297"/>
        <source>add their rows to the table, or check the key values match</source>
        <translation>请在表格中补上这些行，或检查键值是否一致</translation>
    </message>
    <message>
        <location filename="../../layers/tables.py" line="319"/>
        <source>{n} rows of {table} match no feature ({key}: {shown})</source>
        <translation>{table} 中有 {n} 行没有对应要素（{key}：{shown}）</translation>
    </message>
    <message>
        <location filename="../../layers/tables.py" line="331"/>
        <source>joined {n} columns of {table} by {key} = {table_key}</source>
        <translation>已按 {key} = {table_key} 连接 {table} 的 {n} 列</translation>
    </message>
    <message>
        <location filename="../../layers/tables.py" line="331"/>
        <source>joined {n} columns of {table} by {key}</source>
        <translation>已按 {key} 连接 {table} 的 {n} 列</translation>
    </message>
    <message>
        <location filename="../../layers/words.py" line="13"/>
        <source>points</source>
        <translation>点</translation>
    </message>
    <message>
        <location filename="../../layers/words.py" line="13"/>
        <source>lines</source>
        <translation>线</translation>
    </message>
    <message>
        <location filename="../../layers/words.py" line="13"/>
        <source>polygons</source>
        <translation>面</translation>
    </message>
    <message>
        <location filename="../../layers/words.py" line="16"/>
        <source>persons</source>
        <translation>人</translation>
    </message>
    <message>
        <location filename="../../layers/words.py" line="17"/>
        <source>households</source>
        <translation>户</translation>
    </message>
    <message>
        <location filename="../../layers/words.py" line="18"/>
        <source>floors</source>
        <translation>层</translation>
    </message>
    <message>
        <location filename="../../layers/words.py" line="19"/>
        <source>m</source>
        <translation>米</translation>
    </message>
    <message>
        <location filename="../../layers/words.py" line="20"/>
        <source>m²</source>
        <translation>平方米</translation>
    </message>
    <message>
        <location filename="../../layers/words.py" line="21"/>
        <source>kV</source>
        <translation>千伏</translation>
    </message>
    <message>
        <location filename="../../layers/words.py" line="28"/>
        <source>row {row} (and {more} more)</source>
        <translation>第 {row} 行（另有 {more} 行）</translation>
    </message>
    <message>
        <location filename="../../layers/words.py" line="29"/>
        <source>row {row}</source>
        <translation>第 {row} 行</translation>
    </message>
    <message>
        <location filename="../../layers/words.py" line="44"/>
        <source>{first} or {second}</source>
        <translation>{first}或{second}</translation>
    </message>
    <message>
        <location filename="../../layers/words.py" line="64"/>
        <source>{first}, {second}</source>
        <translation>{first}、{second}</translation>
    </message>
    <message>
        <location filename="../../layers/words.py" line="69"/>
        <source>error</source>
        <comment>severity of a problem</comment>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../layers/words.py" line="70"/>
        <source>warning</source>
        <comment>severity of a problem</comment>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../layers/words.py" line="71"/>
        <source>repair</source>
        <comment>severity of a problem</comment>
        <translation>修复</translation>
    </message>
    <message>
        <location filename="../../layers/words.py" line="72"/>
        <source>note</source>
        <comment>severity of a problem</comment>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../cli.py" line="72"/>
        <source>{width}×{height} cells of {size:g}, {dtype}, band {band}</source>
        <translation>{width}×{height} 个 {size:g} 的像元，{dtype}，波段 {band}</translation>
    </message>
    <message>
        <location filename="../cli.py" line="84"/>
        <source>layer</source>
        <comment>column</comment>
        <translation>图层</translation>
    </message>
    <message>
        <location filename="../cli.py" line="84"/>
        <source>role</source>
        <comment>column</comment>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../cli.py" line="84"/>
        <source>features</source>
        <comment>column</comment>
        <translation>要素数</translation>
    </message>
    <message>
        <location filename="../cli.py" line="84"/>
        <source>geometry</source>
        <comment>column</comment>
        <translation>几何类型</translation>
    </message>
    <message>
        <location filename="../cli.py" line="84"/>
        <source>source CRS</source>
        <comment>column</comment>
        <translation>源坐标系</translation>
    </message>
    <message>
        <location filename="../cli.py" line="84"/>
        <source>fields</source>
        <comment>column</comment>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../cli.py" line="133"/>
        <source>Plan: {name}  ({path})</source>
        <translation>规划：{name}（{path}）</translation>
    </message>
    <message>
        <location filename="../cli.py" line="135"/>
        <source>CRS: none (no layer could be read)</source>
        <translation>坐标系：无（没有可读取的图层）</translation>
    </message>
    <message>
        <location filename="../cli.py" line="137"/>
        <source>CRS: {label} ({name})</source>
        <translation>坐标系：{label}（{name}）</translation>
    </message>
    <message>
        <location filename="../cli.py" line="139"/>
        <source>Rules: {rules}   Scenario: {scenario}</source>
        <translation>规则：{rules}　灾害情景：{scenario}</translation>
    </message>
    <message>
        <location filename="../cli.py" line="141"/>
        <source>About: {text}</source>
        <translation>说明：{text}</translation>
    </message>
    <message>
        <location filename="../cli.py" line="147"/>
        <source>Not loaded: {layers}</source>
        <translation>未加载：{layers}</translation>
    </message>
    <message>
        <location filename="../cli.py" line="155"/>
        <source>No problems found.</source>
        <translation>未发现问题。</translation>
    </message>
    <message>
        <location filename="../cli.py" line="158"/>
        <source>Problems:</source>
        <translation>问题：</translation>
    </message>
    <message>
        <location filename="../cli.py" line="171"/>
        <source>... and {n} more for layer &apos;{layer}&apos;</source>
        <translation>……图层“{layer}”另有 {n} 条</translation>
    </message>
    <message>
        <location filename="../cli.py" line="181"/>
        <source>{errors} errors, {warnings} warnings, {notes} notes; {repaired} features repaired, {skipped} skipped</source>
        <translation>{errors} 个错误、{warnings} 个警告、{notes} 条说明；修复 {repaired} 个要素，跳过 {skipped} 个</translation>
    </message>
    <message>
        <location filename="../cli.py" line="226"/>
        <source>Result: usable ({counts})</source>
        <translation>结果：可用（{counts}）</translation>
    </message>
    <message>
        <location filename="../cli.py" line="226"/>
        <source>Result: NOT usable ({counts})</source>
        <translation>结果：不可用（{counts}）</translation>
    </message>
    <message>
        <location filename="../cli.py" line="244"/>
        <source>Sample maps: {names}</source>
        <translation>示例地图：{names}</translation>
    </message>
    <message>
        <location filename="../cli.py" line="245"/>
        <source>Rule profiles: {names} (or a profile .toml path)</source>
        <translation>规则配置：{names}（或规则配置 .toml 文件路径）</translation>
    </message>
    <message>
        <location filename="../cli.py" line="251"/>
        <source>Layer roles (fields marked * are required):</source>
        <translation>图层角色（标 * 的字段为必填）：</translation>
    </message>
    <message>
        <location filename="../cli.py" line="255"/>
        <source>{geometry} or raster</source>
        <translation>{geometry}或栅格</translation>
    </message>
    <message>
        <location filename="../cli.py" line="267"/>
        <source>Vector formats: {names} (and other GDAL formats)</source>
        <translation>矢量格式：{names}（以及其他 GDAL 格式）</translation>
    </message>
    <message>
        <location filename="../cli.py" line="272"/>
        <source>Raster formats: GeoTIFF, GeoPackage rasters (and other GDAL rasters)</source>
        <translation>栅格格式：GeoTIFF、GeoPackage 栅格（以及其他 GDAL 栅格格式）</translation>
    </message>
    <message>
        <location filename="../cli.py" line="289"/>
        <source>Extent: {width:,.0f} m × {height:,.0f} m</source>
        <translation>范围：{width:,.0f} 米 × {height:,.0f} 米</translation>
    </message>
    <message>
        <location filename="../cli.py" line="294"/>
        <source>Population (vector residents): {n:,.0f}</source>
        <translation>人口（矢量居民图层）：{n:,.0f}</translation>
    </message>
    <message>
        <location filename="../cli.py" line="307"/>
        <source>give the plan and the output file</source>
        <translation>请给出规划和输出文件</translation>
    </message>
    <message>
        <location filename="../cli.py" line="307"/>
        <source>give the output file</source>
        <translation>请给出输出文件</translation>
    </message>
    <message>
        <location filename="../cli.py" line="316"/>
        <source>the output file exists</source>
        <translation>输出文件已存在</translation>
    </message>
    <message>
        <location filename="../cli.py" line="321"/>
        <source>Saved {n} layers of &apos;{plan}&apos; to {path} ({crs})</source>
        <translation>已将“{plan}”的 {n} 个图层保存到 {path}（{crs}）</translation>
    </message>
    <message>
        <location filename="../cli.py" line="338"/>
        <source>Shelters ({n}, {radius:g} m): covered {covered:,.0f} ({covered_share}); capacity {capacity:,.0f} of {before:,.0f} after the checks; sheltered {sheltered:,.0f} ({sheltered_share})</source>
        <translation>避难场所（{n} 处，{radius:g} 米）：覆盖 {covered:,.0f} 人（{covered_share}）；经检查后容量 {capacity:,.0f} 人（检查前 {before:,.0f} 人）；安置 {sheltered:,.0f} 人（{sheltered_share}）</translation>
    </message>
    <message>
        <location filename="../cli.py" line="355"/>
        <source>capacity removed by principle: {removed}</source>
        <translation>按原则扣除的容量：{removed}</translation>
    </message>
    <message>
        <location filename="../cli.py" line="359"/>
        <source>over capacity (nearest demand &gt; capacity): {sites}</source>
        <translation>超出容量（就近需求 &gt; 容量）：{sites}</translation>
    </message>
    <message>
        <location filename="../cli.py" line="374"/>
        <source>Indicators: {met} of {assessed} targets met, {n} not assessed</source>
        <translation>指标：{assessed} 项目标中 {met} 项达标，{n} 项未评估</translation>
    </message>
    <message>
        <location filename="../cli.py" line="378"/>
        <source>Indicators: {met} of {assessed} targets met</source>
        <translation>指标：{assessed} 项目标中 {met} 项达标</translation>
    </message>
    <message>
        <location filename="../cli.py" line="381"/>
        <source>ok</source>
        <comment>indicator met</comment>
        <translation>达标</translation>
    </message>
    <message>
        <location filename="../cli.py" line="382"/>
        <source>FAIL</source>
        <comment>indicator missed</comment>
        <translation>未达标</translation>
    </message>
    <message>
        <location filename="../cli.py" line="383"/>
        <source>n/a</source>
        <comment>indicator not assessed</comment>
        <translation>未评估</translation>
    </message>
    <message>
        <location filename="../cli.py" line="392"/>
        <source>{mark} {indicator}: {value} (target ≥ {target}) — {reason}</source>
        <translation>{mark} {indicator}：{value}（目标 ≥ {target}）— {reason}</translation>
    </message>
    <message>
        <location filename="../cli.py" line="396"/>
        <source>{mark} {indicator}: {value} (target ≥ {target})</source>
        <translation>{mark} {indicator}：{value}（目标 ≥ {target}）</translation>
    </message>
    <message>
        <location filename="../cli.py" line="410"/>
        <source>{plan} — rules {rules}, network distance, {crs}</source>
        <translation>{plan} — 规则 {rules}，路网距离，{crs}</translation>
    </message>
    <message>
        <location filename="../cli.py" line="410"/>
        <source>{plan} — rules {rules}, straight line distance, {crs}</source>
        <translation>{plan} — 规则 {rules}，直线距离，{crs}</translation>
    </message>
    <message>
        <location filename="../cli.py" line="410"/>
        <source>{plan} — rules {rules}, {distance} distance, {crs}</source>
        <translation>{plan} — 规则 {rules}，{distance}距离，{crs}</translation>
    </message>
    <message>
        <location filename="../cli.py" line="418"/>
        <source>Population {population:,.0f} ({points:,} resident points; {unreachable:,.0f} beyond reach of the network)</source>
        <translation>人口 {population:,.0f}（{points:,} 个居民点；{unreachable:,.0f} 人在路网可达范围以外）</translation>
    </message>
    <message>
        <location filename="../cli.py" line="428"/>
        <source>Scenario {scenario}, period {period}</source>
        <translation>灾害情景：{scenario}，时期：{period}</translation>
    </message>
    <message>
        <location filename="../cli.py" line="438"/>
        <source>Activity space {circle} ({radius:g} m, ≥ {area:,.0f} m²): {share} covered, {per_capita:.2f} m²/person (target {target:g})</source>
        <translation>活动空间 {circle}（{radius:g} 米，≥ {area:,.0f} m²）：覆盖 {share}，人均 {per_capita:.2f} m²（目标 {target:g}）</translation>
    </message>
    <message>
        <location filename="../cli.py" line="452"/>
        <source>Activity space overall: {area:,.0f} m² in {n} spaces, {per_capita:.2f} m²/person</source>
        <translation>活动空间合计：{n} 处共 {area:,.0f} m²，人均 {per_capita:.2f} m²</translation>
    </message>
    <message>
        <location filename="../cli.py" line="458"/>
        <source>Facility {kind} ({n}, {radius:g} m): {share} covered</source>
        <translation>设施 {kind}（{n} 处，{radius:g} 米）：覆盖 {share}</translation>
    </message>
    <message>
        <location filename="../cli.py" line="472"/>
        <source>Violations ({n}): {rules}</source>
        <translation>选址问题（{n} 项）：{rules}</translation>
    </message>
    <message>
        <location filename="../cli_suggest.py" line="158"/>
        <source>Note: {text}</source>
        <translation>说明：{text}</translation>
    </message>
    <message>
        <location filename="../cli_suggest.py" line="225"/>
        <source>Wrote {paths}</source>
        <translation>已写出 {paths}</translation>
    </message>
    <message>
        <location filename="../cli.py" line="550"/>
        <source>the suggestions cannot be read ({error})</source>
        <translation>无法读取建议场地（{error}）</translation>
    </message>
    <message>
        <location filename="../cli.py" line="551"/>
        <source>give the suggestions.gpkg that `spaceplanner suggest --out DIR` wrote</source>
        <translation>请给出由 `spaceplanner suggest --out DIR` 写出的 suggestions.gpkg</translation>
    </message>
    <message>
        <location filename="../cli.py" line="566"/>
        <source>--{option} is an option of the map sheet, which is not exported</source>
        <translation>--{option} 是专题图的选项，但未导出专题图</translation>
    </message>
    <message>
        <location filename="../cli.py" line="569"/>
        <source>add --format pdf (or png)</source>
        <translation>请加 --format pdf（或 png）</translation>
    </message>
    <message>
        <location filename="../cli.py" line="600"/>
        <source>{folder}/ ({n} files)</source>
        <translation>{folder}/（{n} 个文件）</translation>
    </message>
    <message>
        <location filename="../cli.py" line="604"/>
        <source>Wrote {n} files to {path}: {listed}</source>
        <translation>已向 {path} 写出 {n} 个文件：{listed}</translation>
    </message>
    <message>
        <location filename="../cli.py" line="792"/>
        <source>internal error: {kind}: {error}</source>
        <translation>内部错误：{kind}：{error}</translation>
    </message>
    <message>
        <location filename="../cli.py" line="793"/>
        <source>This is a bug in SpacePlanner; rerun with --debug and report the traceback.</source>
        <translation>这是 SpacePlanner 的程序缺陷；请加 --debug 重新运行并报告错误追踪信息。</translation>
    </message>
    <message>
        <location filename="../cli_common.py" line="48"/>
        <source>give either PLAN or --sample, not both</source>
        <translation>请给出 PLAN 或 --sample 之一，不能同时给出</translation>
    </message>
    <message>
        <location filename="../cli_common.py" line="56"/>
        <source>no plan given</source>
        <translation>未给出规划</translation>
    </message>
    <message>
        <location filename="../cli_common.py" line="57"/>
        <source>give PLAN (.toml or .gpkg) or --sample NAME</source>
        <translation>请给出 PLAN（.toml 或 .gpkg）或 --sample NAME</translation>
    </message>
    <message>
        <location filename="../cli_common.py" line="189"/>
        <source>the output is a folder</source>
        <translation>输出是一个文件夹</translation>
    </message>
    <message>
        <location filename="../cli_common.py" line="190"/>
        <source>give a file name</source>
        <translation>请给出文件名</translation>
    </message>
    <message>
        <location filename="../cli_common.py" line="194"/>
        <source>the folder of the output file does not exist</source>
        <translation>输出文件所在的文件夹不存在</translation>
    </message>
    <message>
        <location filename="../cli_common.py" line="195"/>
        <source>create the folder first, or choose another</source>
        <translation>请先创建该文件夹，或另选一个</translation>
    </message>
    <message>
        <location filename="../cli_common.py" line="200"/>
        <source>the output would replace an input of the plan</source>
        <translation>输出将覆盖规划的输入文件</translation>
    </message>
    <message>
        <location filename="../cli_common.py" line="201"/>
        <source>choose another name; inputs are never written</source>
        <translation>请换一个名称；输入文件永远不会被写入</translation>
    </message>
    <message>
        <location filename="../cli_suggest.py" line="209"/>
        <source>the folder for --json does not exist</source>
        <translation>--json 所在的文件夹不存在</translation>
    </message>
    <message>
        <location filename="../cli_suggest.py" line="210"/>
        <source>create it or choose another path</source>
        <translation>请创建该文件夹或另选路径</translation>
    </message>
    <message>
        <location filename="../cli_compare.py" line="97"/>
        <source>{plan} ({scenario}, {period})</source>
        <translation>{plan}（{scenario}，{period}）</translation>
    </message>
    <message>
        <location filename="../cli_compare.py" line="112"/>
        <source>new</source>
        <comment>violation</comment>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../cli_compare.py" line="112"/>
        <source>gone</source>
        <comment>violation</comment>
        <translation>消除</translation>
    </message>
    <message>
        <location filename="../cli_compare.py" line="117"/>
        <source>{word} {principle} {layer}/{id}: {message}</source>
        <translation>{word} {principle} {layer}/{id}：{message}</translation>
    </message>
    <message>
        <location filename="../cli_suggest.py" line="108"/>
        <source>Suggestions for {what} ({candidates}; scenario {scenario}, rules {rules}): {n} candidates, {excluded} excluded</source>
        <translation>{what}场地建议（{candidates}；灾害情景 {scenario}，规则 {rules}）：备选场地 {n} 处，排除 {excluded} 处</translation>
    </message>
    <message>
        <location filename="../cli_suggest.py" line="121"/>
        <source>Persons sheltered: {before:,.0f} ({before_share}) now, {after:,.0f} ({after_share}) with the {n} suggested sites</source>
        <translation>安置人数：现状 {before:,.0f} 人（{before_share}），增加 {n} 处建议场地后 {after:,.0f} 人（{after_share}）</translation>
    </message>
    <message>
        <location filename="../cli_suggest.py" line="121"/>
        <source>Persons covered: {before:,.0f} ({before_share}) now, {after:,.0f} ({after_share}) with the {n} suggested sites</source>
        <translation>覆盖人数：现状 {before:,.0f} 人（{before_share}），增加 {n} 处建议场地后 {after:,.0f} 人（{after_share}）</translation>
    </message>
    <message>
        <location filename="../cli_suggest.py" line="141"/>
        <source>optimal</source>
        <translation>最优</translation>
    </message>
    <message>
        <location filename="../cli_suggest.py" line="141"/>
        <source>not proven optimal</source>
        <translation>未证明最优</translation>
    </message>
    <message>
        <location filename="../cli_suggest.py" line="143"/>
        <source>Solver: {solver}, {optimal}, {seconds:.1f} s</source>
        <translation>求解器：{solver}，{optimal}，{seconds:.1f} 秒</translation>
    </message>
    <message>
        <location filename="../cli_suggest.py" line="147"/>
        <source>Solver: {solver}, {optimal}, gap {gap:.2%}, {seconds:.1f} s</source>
        <translation>求解器：{solver}，{optimal}，间隙 {gap:.2%}，{seconds:.1f} 秒</translation>
    </message>
    <message>
        <location filename="../cli_suggest.py" line="154"/>
        <source>excluded {id}: {reason}</source>
        <translation>排除 {id}：{reason}</translation>
    </message>
    <message>
        <location filename="../cli_suggest.py" line="156"/>
        <source>... and {n} more excluded</source>
        <translation>……另有 {n} 处被排除</translation>
    </message>
    <message>
        <location filename="../cli_suggest.py" line="172"/>
        <source>--for {what} is a question of the {expected} period, not {period}</source>
        <translation>--for {what} 属于{expected}问题，而不是{period}问题</translation>
    </message>
    <message>
        <location filename="../cli_suggest.py" line="175"/>
        <source>drop --period or use --period {expected}</source>
        <translation>请去掉 --period 或使用 --period {expected}</translation>
    </message>
    <message>
        <location filename="../engine/daily.py" line="407"/>
        <source>{radius:g} m set by the plan (layer &apos;{layer}&apos;)</source>
        <translation>{radius:g} 米，由规划设定（图层“{layer}”）</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="211"/>
        <source>{items}; {item}</source>
        <translation>{items}；{item}</translation>
    </message>
    <message>
        <location filename="../engine/daily.py" line="410"/>
        <source>{by_plan}; standard: {source}</source>
        <translation>{by_plan}；标准：{source}</translation>
    </message>
    <message>
        <location filename="../engine/daily.py" line="412"/>
        <source>{by_plan}; no standard radius for it in the profile</source>
        <translation>{by_plan}；规则配置中没有该项的标准半径</translation>
    </message>
    <message>
        <location filename="../engine/drag.py" line="288"/>
        <source>layer {name} has no live figures while a site is dragged</source>
        <translation>拖动场地时，图层 {name} 没有实时指标</translation>
    </message>
    <message>
        <location filename="../engine/drag.py" line="291"/>
        <source>drag a site of {roles}</source>
        <translation>请拖动{roles}中的场地</translation>
    </message>
    <message>
        <location filename="../engine/drag.py" line="298"/>
        <source>no single feature with id {id}</source>
        <translation>没有唯一的编号为 {id} 的要素</translation>
    </message>
    <message>
        <location filename="../engine/evaluation.py" line="130"/>
        <source>the plan has no usable layers</source>
        <translation>规划中没有可用的图层</translation>
    </message>
    <message>
        <location filename="../engine/evaluation.py" line="180"/>
        <source>unknown period &apos;{period}&apos;</source>
        <translation>未知的时期“{period}”</translation>
    </message>
    <message>
        <location filename="../engine/evaluation.py" line="181"/>
        <source>use one of {names}</source>
        <translation>请使用以下之一：{names}</translation>
    </message>
    <message>
        <location filename="../engine/evaluation.py" line="184"/>
        <source>unknown gaps option {value}</source>
        <translation>未知的盲区选项 {value}</translation>
    </message>
    <message>
        <location filename="../engine/evaluation.py" line="185"/>
        <source>use True, False or &apos;points&apos;</source>
        <translation>请使用 True、False 或 'points'</translation>
    </message>
    <message>
        <location filename="../engine/hazards.py" line="68"/>
        <source>did you mean &apos;{guess}&apos;? (scenarios: {names})</source>
        <translation>是否是指“{guess}”？（可选情景：{names}）</translation>
    </message>
    <message>
        <location filename="../engine/hazards.py" line="68"/>
        <source>scenarios: {names}</source>
        <translation>可选情景：{names}</translation>
    </message>
    <message>
        <location filename="../engine/hazards.py" line="73"/>
        <source>unknown scenario &apos;{scenario}&apos;</source>
        <translation>未知的灾害情景“{scenario}”</translation>
    </message>
    <message>
        <location filename="../engine/hazards.py" line="125"/>
        <source>the raster does not cover the plan area</source>
        <translation>该栅格未覆盖规划范围</translation>
    </message>
    <message>
        <location filename="../engine/hazards.py" line="126"/>
        <source>give a raster of this area</source>
        <translation>请提供覆盖本区域的栅格</translation>
    </message>
    <message>
        <location filename="../engine/hazards.py" line="135"/>
        <source>raster hazard &apos;{layer}&apos; covers {share:.0%} of the plan&apos;s extent; outside it no hazard is known</source>
        <translation>栅格灾害图层“{layer}”覆盖规划范围的 {share:.0%}；范围以外的灾害情况未知</translation>
    </message>
    <message>
        <location filename="../engine/hazards.py" line="148"/>
        <source>slope needs a raster in a projected CRS (metres)</source>
        <translation>坡度计算需要投影坐标系（米）下的栅格</translation>
    </message>
    <message>
        <location filename="../engine/limits.py" line="184"/>
        <source>the run needs about {needed:,.1f} GiB of memory and {free:,.1f} GiB is available ({residents:,} resident points, {vertices:,} network vertices, {sites:,} sites, about {pairs:,} resident-site pairs within reach)</source>
        <translation>本次运行约需 {needed:,.1f} GiB 内存，可用内存为 {free:,.1f} GiB（{residents:,} 个居民点、{vertices:,} 个路网节点、{sites:,} 处场地、约 {pairs:,} 对可达的居民—场地组合）</translation>
    </message>
    <message>
        <location filename="../engine/limits.py" line="196"/>
        <source>close other programs, or split the plan area into smaller plans (or aggregate the residents to building or block points)</source>
        <translation>请关闭其他程序，或将规划范围拆分为较小的规划（或将居民汇总到建筑或街坊点）</translation>
    </message>
    <message>
        <location filename="../engine/notes.py" line="30"/>
        <source>{where}, {part}</source>
        <translation>{where}，{part}</translation>
    </message>
    <message>
        <location filename="../engine/notes.py" line="33"/>
        <source>loading: {where}: {message} — {hint}</source>
        <translation>加载：{where}：{message} — {hint}</translation>
    </message>
    <message>
        <location filename="../engine/notes.py" line="37"/>
        <source>loading: {where}: {message}</source>
        <translation>加载：{where}：{message}</translation>
    </message>
    <message>
        <location filename="../engine/notes.py" line="39"/>
        <source>loading: {message} — {hint}</source>
        <translation>加载：{message} — {hint}</translation>
    </message>
    <message>
        <location filename="../engine/notes.py" line="40"/>
        <source>loading: {message}</source>
        <translation>加载：{message}</translation>
    </message>
    <message>
        <location filename="../engine/notes.py" line="61"/>
        <source>{layer}: {estimate}</source>
        <translation>{layer}：{estimate}</translation>
    </message>
    <message>
        <location filename="../engine/notes.py" line="70"/>
        <source>scenario &apos;{scenario}&apos; is none of {scenarios} and no hazard layer has that type: no hazard zone applies</source>
        <translation>灾害情景“{scenario}”不属于 {scenarios}，也没有灾害图层属于该类型：不计入任何灾害风险区</translation>
    </message>
    <message>
        <location filename="../engine/notes.py" line="76"/>
        <source>hazard types not part of scenario &apos;{scenario}&apos;: {types} (they count in &apos;all&apos;)</source>
        <translation>不属于灾害情景“{scenario}”的灾害类型：{types}（在“all”全部灾害情景中计入）</translation>
    </message>
    <message>
        <location filename="../engine/notes.py" line="83"/>
        <source>no network layer: distances are straight lines x the detour factor {factor:g} ({source})</source>
        <translation>没有步行网络图层：距离按直线距离乘以绕行系数 {factor:g} 计算（{source}）</translation>
    </message>
    <message>
        <location filename="../engine/notes.py" line="90"/>
        <source>the plan has no shelters layer: only dual-use spaces shelter people</source>
        <translation>规划中没有避难场所图层：仅平急两用空间可供避难</translation>
    </message>
    <message>
        <location filename="../engine/notes.py" line="93"/>
        <source>the plan has no shelters layer and no dual-use space: nobody is sheltered</source>
        <translation>规划中没有避难场所图层，也没有平急两用空间：无人可得到安置</translation>
    </message>
    <message>
        <location filename="../engine/notes.py" line="110"/>
        <source>entrances name sites that are not in the plan ({sites}): ignored</source>
        <translation>出入口所指的场地不在规划中（{sites}）：已忽略</translation>
    </message>
    <message>
        <location filename="../engine/notes.py" line="115"/>
        <source>entrances name site ids used in several layers, so they serve each of them: {sites} — give the entrances a site_layer</source>
        <translation>出入口所指的场地编号在多个图层中使用，因此对这些图层均有效：{sites} — 请为出入口填写 site_layer 字段</translation>
    </message>
    <message>
        <location filename="../engine/notes.py" line="121"/>
        <source>facility kind &apos;{kind}&apos; has no service radius in profile &apos;{profile}&apos;: not evaluated (set radius_m on its layer)</source>
        <translation>设施类型“{kind}”在规则配置“{profile}”中没有服务半径：未评估（请在其图层上设置 radius_m）</translation>
    </message>
    <message>
        <location filename="../engine/shelter_stage.py" line="44"/>
        <source>capacity field (smaller than area / per-capita)</source>
        <translation>容量字段（小于面积 ÷ 人均指标）</translation>
    </message>
    <message>
        <location filename="../engine/shelter_stage.py" line="45"/>
        <source>effective area / per-capita (smaller than the capacity field)</source>
        <translation>有效避难面积 ÷ 人均指标（小于容量字段）</translation>
    </message>
    <message>
        <location filename="../engine/shelter_stage.py" line="46"/>
        <source>capacity field</source>
        <translation>容量字段</translation>
    </message>
    <message>
        <location filename="../engine/shelter_stage.py" line="47"/>
        <source>effective area / per-capita</source>
        <translation>有效避难面积 ÷ 人均指标</translation>
    </message>
    <message>
        <location filename="../engine/shelter_stage.py" line="48"/>
        <source>site area / per-capita (no effective area given)</source>
        <translation>场地面积 ÷ 人均指标（未给出有效避难面积）</translation>
    </message>
    <message>
        <location filename="../engine/shelter_stage.py" line="49"/>
        <source>none: no capacity or area given</source>
        <translation>无：未给出容量或面积</translation>
    </message>
    <message>
        <location filename="../engine/siting.py" line="357"/>
        <source>GB 21734-2008 §5.2.4; {source}</source>
        <translation>GB 21734-2008 第5.2.4条；{source}</translation>
    </message>
    <message>
        <location filename="../engine/siting.py" line="598"/>
        <source>STANDARDS.md §1 collapse zone; {source}</source>
        <translation>STANDARDS.md 第1节 倒塌影响区；{source}</translation>
    </message>
    <message>
        <location filename="../engine/suggest.py" line="157"/>
        <source>automatic candidates are open ground for shelters only</source>
        <translation>自动备选场地（开敞用地）仅适用于避难场所</translation>
    </message>
    <message>
        <location filename="../engine/suggest.py" line="158"/>
        <source>name a layer of role &apos;candidates&apos; with --candidates</source>
        <translation>请用 --candidates 指定角色为 candidates（备选场地）的图层</translation>
    </message>
    <message>
        <location filename="../engine/suggest.py" line="183"/>
        <source>the plan has no open ground to suggest: no activity space that is not yet a shelter and no parcel whose land use is open</source>
        <translation>规划中没有可建议的开敞用地：既没有尚未作为避难场所的活动空间，也没有开敞用途的地块</translation>
    </message>
    <message>
        <location filename="../engine/suggest.py" line="187"/>
        <source>add a layer of role &apos;candidates&apos;</source>
        <translation>请添加角色为 candidates（备选场地）的图层</translation>
    </message>
    <message>
        <location filename="../engine/suggest.py" line="189"/>
        <source>open ground</source>
        <translation>开敞用地</translation>
    </message>
    <message>
        <location filename="../engine/suggest.py" line="194"/>
        <source>candidate layers: {names}</source>
        <translation>备选场地图层：{names}</translation>
    </message>
    <message>
        <location filename="../engine/suggest.py" line="194"/>
        <source>add a layer of role &apos;candidates&apos; to the plan, or use --candidates auto</source>
        <translation>请在规划中添加角色为 candidates（备选场地）的图层，或使用 --candidates auto</translation>
    </message>
    <message>
        <location filename="../engine/suggest.py" line="201"/>
        <source>no candidates layer &apos;{name}&apos; in the plan</source>
        <translation>规划中没有备选场地图层“{name}”</translation>
    </message>
    <message>
        <location filename="../engine/suggest.py" line="204"/>
        <source>the candidates layer has no features</source>
        <translation>备选场地图层中没有要素</translation>
    </message>
    <message>
        <location filename="../engine/suggest.py" line="205"/>
        <source>add candidate sites</source>
        <translation>请添加备选场地</translation>
    </message>
    <message>
        <location filename="../engine/suggest.py" line="243"/>
        <source>cannot suggest sites for &apos;{what}&apos;</source>
        <translation>无法为“{what}”建议场地</translation>
    </message>
    <message>
        <location filename="../engine/suggest.py" line="244"/>
        <source>use shelters, activity_spaces or facility:KIND (e.g. facility:clinic)</source>
        <translation>请使用 shelters、activity_spaces 或 facility:KIND（如 facility:clinic）</translation>
    </message>
    <message>
        <location filename="../engine/suggest.py" line="301"/>
        <source>ask one question: --add K (sites to add) or --target SHARE (share to reach)</source>
        <translation>请只提一个问题：--add K（新增场地数）或 --target SHARE（要达到的比例）</translation>
    </message>
    <message>
        <location filename="../engine/suggest.py" line="302"/>
        <source>e.g. --add 3 or --target 1.0</source>
        <translation>如 --add 3 或 --target 1.0</translation>
    </message>
    <message>
        <location filename="../engine/suggest.py" line="304"/>
        <source>--add {value} is not a number of sites</source>
        <translation>--add {value} 不是场地数量</translation>
    </message>
    <message>
        <location filename="../engine/suggest.py" line="305"/>
        <source>give a whole number of at least 1</source>
        <translation>请给出不小于 1 的整数</translation>
    </message>
    <message>
        <location filename="../engine/suggest.py" line="307"/>
        <source>--target {value} is not a share</source>
        <translation>--target {value} 不是比例</translation>
    </message>
    <message>
        <location filename="../engine/suggest.py" line="308"/>
        <source>give a share between 0 and 1, e.g. 0.95</source>
        <translation>请给出 0 到 1 之间的比例，如 0.95</translation>
    </message>
    <message>
        <location filename="../engine/suggest.py" line="310"/>
        <source>a time limit of {value} s leaves the solver no time</source>
        <translation>{value} 秒的时限使求解器没有求解时间</translation>
    </message>
    <message>
        <location filename="../engine/suggest.py" line="313"/>
        <source>give a positive number of seconds, e.g. 60</source>
        <translation>请给出正的秒数，如 60</translation>
    </message>
    <message>
        <location filename="../engine/suggest.py" line="344"/>
        <source>{principle} {message}</source>
        <translation>{principle} {message}</translation>
    </message>
    <message>
        <location filename="../engine/suggest.py" line="349"/>
        <source>no room left after the checks</source>
        <translation>经检查后已无容量</translation>
    </message>
    <message>
        <location filename="../engine/suggest.py" line="372"/>
        <source>no capacity: give a capacity or an area</source>
        <translation>无容量：请给出容量或面积</translation>
    </message>
    <message>
        <location filename="../engine/suggest.py" line="374"/>
        <source>nobody lives within its radius</source>
        <translation>其服务半径内无居民</translation>
    </message>
    <message>
        <location filename="../engine/suggest.py" line="393"/>
        <source>per shelter class</source>
        <translation>按避难场所等级</translation>
    </message>
    <message>
        <location filename="../engine/suggest.py" line="402"/>
        <source>profile &apos;{profile}&apos; has no life circle &apos;{name}&apos;</source>
        <translation>规则配置“{profile}”中没有生活圈“{name}”</translation>
    </message>
    <message>
        <location filename="../engine/suggest.py" line="405"/>
        <source>circles: {names}</source>
        <translation>生活圈：{names}</translation>
    </message>
    <message>
        <location filename="../engine/suggest.py" line="414"/>
        <source>{area:,.0f} m² is below the {name} circle's minimum {minimum:,.0f} m²</source>
        <translation>{area:,.0f} m² 小于 {name} 生活圈的最小面积 {minimum:,.0f} m²</translation>
    </message>
    <message>
        <location filename="../engine/suggest.py" line="428"/>
        <source>profile &apos;{profile}&apos; has no service radius for &apos;{kind}&apos;</source>
        <translation>规则配置“{profile}”中没有“{kind}”的服务半径</translation>
    </message>
    <message>
        <location filename="../engine/suggest.py" line="431"/>
        <source>choose a kind the profile rates</source>
        <translation>请选择规则配置中有标准的设施类型</translation>
    </message>
    <message>
        <location filename="../engine/suggest.py" line="442"/>
        <source>reaches nobody who is not served already</source>
        <translation>覆盖不到任何尚未被服务的居民</translation>
    </message>
    <message>
        <location filename="../engine/suggest.py" line="468"/>
        <source>no usable candidate: all {n} were excluded</source>
        <translation>没有可用的备选场地：全部 {n} 处均被排除</translation>
    </message>
    <message>
        <location filename="../engine/suggest.py" line="469"/>
        <source>{id}: {reason}</source>
        <translation>{id}：{reason}</translation>
    </message>
    <message>
        <location filename="../engine/suggest.py" line="472"/>
        <source>{listed} — add other candidates</source>
        <translation>{listed} — 请添加其他备选场地</translation>
    </message>
    <message>
        <location filename="../engine/suggest.py" line="475"/>
        <source>--add {add} asks for more sites than the {n} usable candidates</source>
        <translation>--add {add} 要求的场地数多于 {n} 处可用备选场地</translation>
    </message>
    <message>
        <location filename="../engine/suggest.py" line="478"/>
        <source>give at most {n}, or add candidates</source>
        <translation>请给出不超过 {n} 的数，或添加备选场地</translation>
    </message>
    <message>
        <location filename="../engine/suggest.py" line="485"/>
        <source>the target {target:.1%} cannot be reached with these candidates: at most {share:.1%} ({best:,.0f} of {total:,.0f} persons) with all {n} usable candidates open</source>
        <translation>这些备选场地无法达到 {target:.1%} 的目标：启用全部 {n} 处可用备选场地最多达到 {share:.1%}（{total:,.0f} 人中的 {best:,.0f} 人）</translation>
    </message>
    <message>
        <location filename="../engine/suggest.py" line="490"/>
        <source>add candidates, or lower the target</source>
        <translation>请添加备选场地，或降低目标</translation>
    </message>
    <message>
        <location filename="../engine/suggest.py" line="494"/>
        <source>HiGHS MILP</source>
        <translation>HiGHS 混合整数规划</translation>
    </message>
    <message>
        <location filename="../engine/suggest.py" line="500"/>
        <source>the existing sites already reach the target: nothing to add</source>
        <translation>现有场地已达到目标：无需新增</translation>
    </message>
    <message>
        <location filename="../engine/suggest.py" line="508"/>
        <source>the solver stopped at the time limit ({limit:g} s) with a gap of {gap:.2%}: the answer may not be the best</source>
        <translation>求解器在时限（{limit:g} 秒）处停止，间隙为 {gap:.2%}：结果可能不是最优</translation>
    </message>
    <message>
        <location filename="../engine/suggest.py" line="515"/>
        <source>the model has {n:,} variables (more than {most:,}): solved greedily, with the LP relaxation as bound</source>
        <translation>模型有 {n:,} 个变量（超过 {most:,}）：改用贪心算法求解，以线性规划松弛作为上界</translation>
    </message>
    <message>
        <location filename="../engine/suggest.py" line="522"/>
        <source>greedy (LP bound)</source>
        <translation>贪心算法（线性规划松弛上界）</translation>
    </message>
    <message>
        <location filename="../engine/suggest.py" line="534"/>
        <source>the exact solver found no answer in the time limit: solved greedily</source>
        <translation>精确求解器在时限内未找到解：改用贪心算法求解</translation>
    </message>
    <message>
        <location filename="../engine/suggest.py" line="548"/>
        <source>{dropped} of the {add} sites asked for would add nobody: no candidate serves anyone not served already</source>
        <translation>要求的 {add} 处场地中有 {dropped} 处不会新增服务人口：没有备选场地能服务尚未被服务的居民</translation>
    </message>
    <message>
        <location filename="../engine/suggest.py" line="548"/>
        <source>{dropped} of the {add} sites asked for would add nobody: left out</source>
        <translation>要求的 {add} 处场地中有 {dropped} 处不会新增服务人口：已略去</translation>
    </message>
    <message>
        <location filename="../engine/suggest.py" line="581"/>
        <source>+{gain:,.0f} persons sheltered (holds {cap:,.0f} after the checks)</source>
        <translation>新增安置 {gain:,.0f} 人（经检查后可容纳 {cap:,.0f} 人）</translation>
    </message>
    <message>
        <location filename="../engine/suggest.py" line="583"/>
        <source>+{gain:,.0f} persons sheltered</source>
        <translation>新增安置 {gain:,.0f} 人</translation>
    </message>
    <message>
        <location filename="../engine/suggest.py" line="585"/>
        <source>+{gain:,.0f} persons covered (holds {cap:,.0f} after the checks)</source>
        <translation>新增覆盖 {gain:,.0f} 人（经检查后可容纳 {cap:,.0f} 人）</translation>
    </message>
    <message>
        <location filename="../engine/suggest.py" line="587"/>
        <source>+{gain:,.0f} persons covered</source>
        <translation>新增覆盖 {gain:,.0f} 人</translation>
    </message>
    <message>
        <location filename="../engine/suggest.py" line="643"/>
        <source>activity spaces are polygons: a suggested site is a point</source>
        <translation>活动空间为面要素：建议场地是点要素</translation>
    </message>
    <message>
        <location filename="../engine/suggest.py" line="644"/>
        <source>give the candidates polygon outlines</source>
        <translation>请为备选场地提供面状边界</translation>
    </message>
    <message>
        <location filename="../engine/suggest.py" line="659"/>
        <source>Add {n} suggested sites</source>
        <translation>添加 {n} 处建议场地</translation>
    </message>
    <message>
        <location filename="../feedback.py" line="22"/>
        <source>network and residents</source>
        <translation>路网与居民</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="52"/>
        <source>shelters</source>
        <translation>避难场所</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="53"/>
        <source>activity spaces</source>
        <translation>活动空间</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="54"/>
        <source>facilities</source>
        <translation>社区设施</translation>
    </message>
    <message>
        <location filename="../feedback.py" line="26"/>
        <source>gaps</source>
        <translation>服务盲区</translation>
    </message>
    <message>
        <location filename="../feedback.py" line="27"/>
        <source>evaluating</source>
        <translation>评估中</translation>
    </message>
    <message>
        <location filename="../feedback.py" line="28"/>
        <source>writing</source>
        <translation>写出中</translation>
    </message>
    <message>
        <location filename="../feedback.py" line="29"/>
        <source>drawing</source>
        <translation>制图中</translation>
    </message>
    <message>
        <location filename="../feedback.py" line="30"/>
        <source>moving into place</source>
        <translation>移入目标位置</translation>
    </message>
    <message>
        <location filename="../feedback.py" line="31"/>
        <source>suggesting sites</source>
        <translation>建议场地</translation>
    </message>
    <message>
        <location filename="../feedback.py" line="32"/>
        <source>reading the candidates</source>
        <translation>读取备选场地</translation>
    </message>
    <message>
        <location filename="../feedback.py" line="33"/>
        <source>checks and distances</source>
        <translation>检查与距离计算</translation>
    </message>
    <message>
        <location filename="../feedback.py" line="34"/>
        <source>solving</source>
        <translation>求解中</translation>
    </message>
    <message>
        <location filename="../feedback.py" line="35"/>
        <source>ranking the sites</source>
        <translation>场地排序</translation>
    </message>
    <message>
        <location filename="../feedback.py" line="37"/>
        <source>reading the extract</source>
        <translation>读取数据摘录</translation>
    </message>
    <message>
        <location filename="../feedback.py" line="38"/>
        <source>sorting the map into layers</source>
        <translation>将地图分入图层</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="51"/>
        <source>residents</source>
        <translation>居民</translation>
    </message>
    <message>
        <location filename="../feedback.py" line="40"/>
        <source>checking the layers</source>
        <translation>检查图层</translation>
    </message>
    <message>
        <location filename="../feedback.py" line="41"/>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../feedback.py" line="113"/>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <location filename="../feedback.py" line="114"/>
        <source>nothing was written</source>
        <translation>未写出任何文件</translation>
    </message>
    <message>
        <location filename="../outputs/exports.py" line="221"/>
        <source>&apos;{bad}&apos; in &apos;{value}&apos; cannot be written as {encoding}</source>
        <translation>“{value}”中的“{bad}”无法以 {encoding} 编码写出</translation>
    </message>
    <message>
        <location filename="../outputs/exports.py" line="224"/>
        <source>export the Shapefiles as UTF-8 (the default), or edit the text</source>
        <translation>请以 UTF-8（默认）导出 Shapefile，或修改该文字</translation>
    </message>
    <message>
        <location filename="../outputs/exports.py" line="622"/>
        <source>unknown export format {names}</source>
        <translation>未知的导出格式 {names}</translation>
    </message>
    <message>
        <location filename="../outputs/exports.py" line="622"/>
        <source>no format chosen</source>
        <translation>未选择格式</translation>
    </message>
    <message>
        <location filename="../outputs/exports.py" line="627"/>
        <source>formats: {names}</source>
        <translation>可选格式：{names}</translation>
    </message>
    <message>
        <location filename="../outputs/exports.py" line="630"/>
        <source>unknown language &apos;{lang}&apos;</source>
        <translation>未知的语言“{lang}”</translation>
    </message>
    <message>
        <location filename="../outputs/exports.py" line="631"/>
        <source>use en or zh</source>
        <translation>请使用 en 或 zh</translation>
    </message>
    <message>
        <location filename="../outputs/exports.py" line="633"/>
        <source>shapefiles are written as UTF-8 or GBK, not &apos;{encoding}&apos;</source>
        <translation>Shapefile 只能以 UTF-8 或 GBK 编码写出，不能用“{encoding}”</translation>
    </message>
    <message>
        <location filename="../outputs/exports.py" line="636"/>
        <source>use utf-8 or gbk</source>
        <translation>请使用 utf-8 或 gbk</translation>
    </message>
    <message>
        <location filename="../outputs/exports.py" line="714"/>
        <source>nothing to export: no evaluation was given</source>
        <translation>没有可导出的内容：未提供评估结果</translation>
    </message>
    <message>
        <location filename="../outputs/exports.py" line="715"/>
        <source>evaluate the plan first</source>
        <translation>请先评估规划</translation>
    </message>
    <message>
        <location filename="../outputs/exports.py" line="732"/>
        <source>the evaluation given for {formats} lacks its gap layers: {layers}</source>
        <translation>为 {formats} 提供的评估结果缺少盲区图层：{layers}</translation>
    </message>
    <message>
        <location filename="../outputs/exports.py" line="735"/>
        <source>the evaluation given for {formats} lacks its gap layers: {layers} (stale)</source>
        <translation>为 {formats} 提供的评估结果缺少盲区图层：{layers}（已过期）</translation>
    </message>
    <message>
        <location filename="../outputs/exports.py" line="740"/>
        <source>evaluate with gaps=True (a full evaluation) before exporting maps or layers</source>
        <translation>导出地图或图层前，请以 gaps=True 进行完整评估</translation>
    </message>
    <message>
        <location filename="../outputs/exports.py" line="766"/>
        <source>the map sheet&apos;s indicator &apos;{name}&apos; was not evaluated</source>
        <translation>专题图所用指标“{name}”未经评估</translation>
    </message>
    <message>
        <location filename="../outputs/exports.py" line="769"/>
        <source>choose one of {names}</source>
        <translation>请从以下选择：{names}</translation>
    </message>
    <message>
        <location filename="../results/indicators.py" line="78"/>
        <source>indicators: {names}</source>
        <translation>指标：{names}</translation>
    </message>
    <message>
        <location filename="../results/indicators.py" line="83"/>
        <source>no indicator &apos;{name}&apos; to set a target for</source>
        <translation>没有可设定目标的指标“{name}”</translation>
    </message>
    <message>
        <location filename="../results/indicators.py" line="86"/>
        <source>target {name} = {value:g} is a share and must be at most 1</source>
        <translation>目标 {name} = {value:g} 是比例，不得大于 1</translation>
    </message>
    <message>
        <location filename="../results/indicators.py" line="89"/>
        <source>e.g. 0.95 for 95 %</source>
        <translation>如 0.95 表示 95 %</translation>
    </message>
    <message>
        <location filename="../results/indicators.py" line="192"/>
        <source>the plan has no residents</source>
        <translation>规划中没有居民</translation>
    </message>
    <message>
        <location filename="../results/indicators.py" line="197"/>
        <source>set by the plan</source>
        <translation>由规划设定</translation>
    </message>
    <message>
        <location filename="../results/indicators.py" line="201"/>
        <source>the plan has no shelters and no dual-use space</source>
        <translation>规划中没有避难场所，也没有平急两用空间</translation>
    </message>
    <message>
        <location filename="../results/indicators.py" line="250"/>
        <source>effective shelter area after the 避/防/让 checks ÷ residents; per shelter: {sources}</source>
        <translation>经避/防/让检查后的有效避难面积 ÷ 居民人数；各避难场所：{sources}</translation>
    </message>
    <message>
        <location filename="../results/indicators.py" line="340"/>
        <source>the plan has no activity-space layer</source>
        <translation>规划中没有活动空间图层</translation>
    </message>
    <message>
        <location filename="../results/indicators.py" line="385"/>
        <source>the plan has no facilities layer</source>
        <translation>规划中没有社区设施图层</translation>
    </message>
    <message>
        <location filename="../results/indicators.py" line="390"/>
        <source>no service radius for &apos;{kind}&apos; in profile &apos;{profile}&apos; (set radius_m on its layer)</source>
        <translation>规则配置“{profile}”中没有“{kind}”的服务半径（请在其图层上设置 radius_m）</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="55"/>
        <source>entrances</source>
        <translation>出入口</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="56"/>
        <source>hazards</source>
        <translation>灾害风险区</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="57"/>
        <source>hazard sources</source>
        <translation>危险源</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="58"/>
        <source>network</source>
        <translation>步行网络</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="59"/>
        <source>buildings</source>
        <translation>建筑</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="60"/>
        <source>boundary</source>
        <translation>边界</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="61"/>
        <source>parcels</source>
        <translation>地块</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="62"/>
        <source>terrain</source>
        <translation>地形</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="63"/>
        <source>candidates</source>
        <translation>备选场地</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="67"/>
        <source>kindergarten</source>
        <translation>幼儿园</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="68"/>
        <source>nursery</source>
        <translation>托育点</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="69"/>
        <source>primary school</source>
        <translation>小学</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="70"/>
        <source>middle school</source>
        <translation>中学</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="71"/>
        <source>community clinic</source>
        <translation>社区卫生服务站</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="72"/>
        <source>community health centre</source>
        <translation>社区卫生服务中心</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="73"/>
        <source>elderly care</source>
        <translation>养老服务设施</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="74"/>
        <source>community service station</source>
        <translation>社区综合服务站</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="75"/>
        <source>food market</source>
        <translation>菜市场</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="76"/>
        <source>supermarket</source>
        <translation>综合超市</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="77"/>
        <source>express delivery point</source>
        <translation>快递服务设施</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="78"/>
        <source>sports ground</source>
        <translation>运动场地</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="79"/>
        <source>cultural activity station</source>
        <translation>文化活动站</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="80"/>
        <source>library</source>
        <translation>图书馆</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="81"/>
        <source>community centre</source>
        <translation>社区中心</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="82"/>
        <source>hospital</source>
        <translation>医院</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="83"/>
        <source>pharmacy</source>
        <translation>药店</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="84"/>
        <source>police station</source>
        <translation>派出所</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="85"/>
        <source>fire station</source>
        <translation>消防站</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="89"/>
        <source>normal</source>
        <comment>period</comment>
        <translation>平时</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="90"/>
        <source>emergency</source>
        <comment>period</comment>
        <translation>急时</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="91"/>
        <source>both</source>
        <comment>period</comment>
        <translation>平时和灾时</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="95"/>
        <source>Point</source>
        <comment>geometry</comment>
        <translation>点</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="96"/>
        <source>MultiPoint</source>
        <comment>geometry</comment>
        <translation>多点</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="97"/>
        <source>LineString</source>
        <comment>geometry</comment>
        <translation>线</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="98"/>
        <source>MultiLineString</source>
        <comment>geometry</comment>
        <translation>多线</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="99"/>
        <source>Polygon</source>
        <comment>geometry</comment>
        <translation>面</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="100"/>
        <source>MultiPolygon</source>
        <comment>geometry</comment>
        <translation>多面</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="101"/>
        <source>raster</source>
        <comment>geometry</comment>
        <translation>栅格</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="105"/>
        <source>error</source>
        <comment>severity</comment>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="106"/>
        <source>warning</source>
        <comment>severity</comment>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="107"/>
        <source>repair</source>
        <comment>severity</comment>
        <translation>修复</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="108"/>
        <source>note</source>
        <comment>severity</comment>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="113"/>
        <source>hazard zone</source>
        <comment>rule</comment>
        <translation>灾害风险区</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="114"/>
        <source>collapse range of a tall building</source>
        <comment>rule</comment>
        <translation>高层建筑倒塌范围</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="115"/>
        <source>pipeline crossing</source>
        <comment>rule</comment>
        <translation>管线穿越</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="116"/>
        <source>buildings on the site</source>
        <comment>rule</comment>
        <translation>场地上有建筑</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="117"/>
        <source>entrances in different directions</source>
        <comment>rule</comment>
        <translation>不同方向的出入口</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="118"/>
        <source>evacuation route clear width</source>
        <comment>rule</comment>
        <translation>疏散通道有效宽度</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="119"/>
        <source>evacuation route in a debris zone</source>
        <comment>rule</comment>
        <translation>疏散通道位于倒塌影响区</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="125"/>
        <source>households</source>
        <comment>unit</comment>
        <translation>户</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="126"/>
        <source>floors</source>
        <comment>unit</comment>
        <translation>层</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="127"/>
        <source>m2</source>
        <comment>unit</comment>
        <translation>m²</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="170"/>
        <source>protective distance from {kind}</source>
        <comment>rule</comment>
        <translation>{kind}防护距离</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="177"/>
        <source>all hazards</source>
        <comment>scenario</comment>
        <translation>全部灾种</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="201"/>
        <source>{items}, {item}</source>
        <comment>list</comment>
        <translation>{items}、{item}</translation>
    </message>
    <message>
        <location filename="../city/work.py" line="94"/>
        <source>no residents in the community (check its boundary and the residents layers)</source>
        <translation>社区内没有居民（请检查其边界和居民图层）</translation>
    </message>
    <message>
        <location filename="../city/work.py" line="96"/>
        <source>none of its {n:,.0f} residents reaches the walking network (check the network layer around the community)</source>
        <translation>其 {n:,.0f} 名居民均无法到达步行网络（请检查社区周边的路网图层）</translation>
    </message>
</context>
<context>
    <name>QtAddLayerDialog</name>
    <message>
        <location filename="../../ui/dialogs/qt_add_layer_dialog.py" line="318"/>
        <source>Add layer</source>
        <translation>添加图层</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_add_layer_dialog.py" line="140"/>
        <source>Source</source>
        <translation>数据源</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_add_layer_dialog.py" line="143"/>
        <source>Shapefile, GeoJSON, GeoPackage, KML, CSV or GeoTIFF</source>
        <translation>Shapefile、GeoJSON、GeoPackage、KML、CSV 或 GeoTIFF</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_add_layer_dialog.py" line="147"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_add_layer_dialog.py" line="152"/>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_add_layer_dialog.py" line="154"/>
        <source>The layer inside a file that holds several</source>
        <translation>文件中含多个图层时，选择其中一个</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_add_layer_dialog.py" line="156"/>
        <source>Layer in file:</source>
        <translation>文件中的图层：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_add_layer_dialog.py" line="158"/>
        <source>The layer&apos;s name in the plan; it must be unique</source>
        <translation>图层在规划中的名称，不可重复</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_add_layer_dialog.py" line="161"/>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_add_layer_dialog.py" line="169"/>
        <source>Role:</source>
        <translation>图层角色：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_add_layer_dialog.py" line="457"/>
        <source>automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_add_layer_dialog.py" line="177"/>
        <source>Text encoding of a Shapefile&apos;s .dbf or a CSV; detected when automatic</source>
        <translation>Shapefile 的 .dbf 或 CSV 的文本编码；选“自动”时自动识别</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_add_layer_dialog.py" line="184"/>
        <source>Encoding:</source>
        <translation>编码：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_add_layer_dialog.py" line="186"/>
        <source>from the file, e.g. EPSG:4490</source>
        <translation>取自文件，如 EPSG:4490</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_add_layer_dialog.py" line="187"/>
        <source>Set the coordinate system when the file has none or a wrong one</source>
        <translation>文件没有坐标系或坐标系有误时，在此指定</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_add_layer_dialog.py" line="191"/>
        <source>CRS:</source>
        <translation>坐标系：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_add_layer_dialog.py" line="237"/>
        <source>X / longitude:</source>
        <translation>X / 经度：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_add_layer_dialog.py" line="238"/>
        <source>Y / latitude:</source>
        <translation>Y / 纬度：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_add_layer_dialog.py" line="242"/>
        <source>Band:</source>
        <translation>波段：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_add_layer_dialog.py" line="248"/>
        <source>(choose)</source>
        <translation>（请选择）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_add_layer_dialog.py" line="249"/>
        <source>value at least</source>
        <translation>值不低于</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_add_layer_dialog.py" line="250"/>
        <source>value at most</source>
        <translation>值不高于</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_add_layer_dialog.py" line="251"/>
        <source>slope at most (%)</source>
        <translation>坡度不大于（%）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_add_layer_dialog.py" line="252"/>
        <source>Which cells of the raster form the hazard zone</source>
        <translation>栅格中哪些像元构成灾害风险区</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_add_layer_dialog.py" line="260"/>
        <source>Hazard zone:</source>
        <translation>灾害风险区：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_add_layer_dialog.py" line="270"/>
        <source>Fields</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_add_layer_dialog.py" line="273"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_add_layer_dialog.py" line="273"/>
        <source>Column</source>
        <translation>数据列</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_add_layer_dialog.py" line="273"/>
        <source>Constant</source>
        <translation>常量</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_add_layer_dialog.py" line="285"/>
        <source>* required · a column matched by name is used automatically</source>
        <translation>* 为必填 · 按名称匹配到的列会自动使用</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_add_layer_dialog.py" line="291"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_add_layer_dialog.py" line="335"/>
        <source>Choose a layer file</source>
        <translation>选择图层文件</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_add_layer_dialog.py" line="335"/>
        <source>GIS files</source>
        <translation>GIS 文件</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_add_layer_dialog.py" line="335"/>
        <source>All files</source>
        <translation>所有文件</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_add_layer_dialog.py" line="356"/>
        <source>{0} (raster)</source>
        <translation>{0}（栅格）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_add_layer_dialog.py" line="519"/>
        <source>Unit: {0}</source>
        <translation>单位：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_add_layer_dialog.py" line="520"/>
        <source>Matched by: {0}</source>
        <translation>匹配名称：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_add_layer_dialog.py" line="548"/>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_add_layer_dialog.py" line="549"/>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_add_layer_dialog.py" line="567"/>
        <source>One value for every feature (instead of a column)</source>
        <translation>所有要素取同一个值（代替数据列）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_add_layer_dialog.py" line="593"/>
        <source>(constant)</source>
        <translation>（常量）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_add_layer_dialog.py" line="595"/>
        <source>{0} (automatic)</source>
        <translation>{0}（自动）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_add_layer_dialog.py" line="597"/>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_add_layer_dialog.py" line="117"/>
        <source>the layer needs a name</source>
        <translation>图层需要名称</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_add_layer_dialog.py" line="118"/>
        <source>a layer called &apos;{0}&apos; is already in the plan</source>
        <translation>规划中已有名为“{0}”的图层</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_add_layer_dialog.py" line="119"/>
        <source>choose another name</source>
        <translation>请换一个名称</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_add_layer_dialog.py" line="120"/>
        <source>the file cannot be read ({0})</source>
        <translation>无法读取文件（{0}）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_add_layer_dialog.py" line="121"/>
        <source>the layer lies {0:,.1f} km away from the plan&apos;s layers: they do not overlap</source>
        <translation>该图层距规划中的图层 {0:,.1f} 公里，二者不重叠</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_add_layer_dialog.py" line="124"/>
        <source>its CRS is probably wrong (lon/lat swapped, or another EPSG code); set the CRS above</source>
        <translation>其坐标系可能有误（经纬度颠倒，或应为其他 EPSG 代码）；请在上方指定坐标系</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_add_layer_dialog.py" line="195"/>
        <source>WGS 84 (no offset)</source>
        <translation>WGS 84（无偏移）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_add_layer_dialog.py" line="196"/>
        <source>GCJ-02 (Amap 高德, Tencent)</source>
        <translation>GCJ-02（高德、腾讯）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_add_layer_dialog.py" line="197"/>
        <source>BD-09 (Baidu 百度)</source>
        <translation>BD-09（百度）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_add_layer_dialog.py" line="198"/>
        <source>Coordinates of Chinese web maps, converted to WGS 84 when the layer is read</source>
        <translation>国内网络地图的坐标，读取图层时转换为 WGS 84</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_add_layer_dialog.py" line="202"/>
        <source>Web map coordinates:</source>
        <translation>网络地图坐标：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_add_layer_dialog.py" line="424"/>
        <source>Looks like {0} ({1}); choose WGS 84 if it is not.</source>
        <translation>看似 {0}（{1}）；若不是，请选择 WGS 84。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_add_layer_dialog.py" line="209"/>
        <source>from the drawing ($INSUNITS)</source>
        <translation>取自图纸（$INSUNITS）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_add_layer_dialog.py" line="212"/>
        <source>The unit of the drawing&apos;s coordinates</source>
        <translation>图纸坐标的单位</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_add_layer_dialog.py" line="214"/>
        <source>Drawing unit:</source>
        <translation>图纸单位：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_add_layer_dialog.py" line="220"/>
        <source>X (east)</source>
        <translation>X（东）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_add_layer_dialog.py" line="221"/>
        <source>Y (north)</source>
        <translation>Y（北）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_add_layer_dialog.py" line="223"/>
        <source>The map coordinates (in the CRS above, else the plan's) of the drawing's 0,0 — for a drawing on a local grid; leave empty when it is drawn in map coordinates</source>
        <translation>图纸原点 0,0 在地图上的坐标（采用上方坐标系，未填则用规划的坐标系）——用于局部坐标绘制的图纸；若图纸已按地图坐标绘制则留空</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_add_layer_dialog.py" line="232"/>
        <source>Drawing origin at:</source>
        <translation>图纸原点位于：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_add_layer_dialog.py" line="750"/>
        <source>The drawing origin must be two numbers, X and Y: &apos;{0}&apos;, &apos;{1}&apos;</source>
        <translation>图纸原点须为 X、Y 两个数字：“{0}”“{1}”</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_add_layer_dialog.py" line="750"/>
        <source>type the map coordinates with a point for decimals, e.g. 448000.5</source>
        <translation>请输入地图坐标，小数用小数点，如 448000.5</translation>
    </message>
</context>
<context>
    <name>QtAttributeTable</name>
    <message>
        <location filename="../../ui/panels/qt_attribute_table.py" line="605"/>
        <source>The layer whose features the table shows</source>
        <translation>表格显示其要素的图层</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_attribute_table.py" line="610"/>
        <source>Filter: text, or field op value (capacity &gt; 500)</source>
        <translation>筛选：文字，或 字段 运算符 值（capacity &gt; 500）</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_attribute_table.py" line="613"/>
        <source>Words a cell contains, or one condition: field = != &lt; &lt;= &gt; &gt;= ~ value (~ contains), e.g. capacity &gt;= 500, kind = clinic, name ~ park</source>
        <translation>单元格包含的文字，或一个条件：字段 = != &lt; &lt;= &gt; &gt;= ~ 值（~ 表示包含），例如 capacity &gt;= 500、kind = clinic、name ~ 公园</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_attribute_table.py" line="621"/>
        <source>Zoom to selection</source>
        <translation>缩放至所选</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_attribute_table.py" line="756"/>
        <source>filter not read: {0}</source>
        <translation>筛选无法识别：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_attribute_table.py" line="758"/>
        <source>{0} features</source>
        <translation>{0} 个要素</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_attribute_table.py" line="760"/>
        <source>{0} of {1} features</source>
        <translation>{0} / {1} 个要素</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_attribute_table.py" line="855"/>
        <source>The edit was not made</source>
        <translation>未能完成编辑</translation>
    </message>
</context>
<context>
    <name>QtAttributeTableModel</name>
    <message>
        <location filename="../../ui/panels/qt_attribute_table.py" line="338"/>
        <source>Ids are stable and cannot be edited</source>
        <translation>编号固定不变，不可编辑</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_attribute_table.py" line="389"/>
        <source>Edit {0} of {1}</source>
        <translation>编辑 {1} 的 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_attribute_table.py" line="463"/>
        <source>no field {0}; fields: {1}</source>
        <translation>没有字段 {0}；字段有：{1}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_attribute_table.py" line="477"/>
        <source>{0} holds numbers; {1} is not a number</source>
        <translation>{0} 为数值字段；{1} 不是数字</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_attribute_table.py" line="487"/>
        <source>{0} is yes or no: use {0} = yes or {0} = no</source>
        <translation>{0} 为是/否字段：请用 {0} = 是 或 {0} = 否</translation>
    </message>
</context>
<context>
    <name>QtAttributesDialog</name>
    <message>
        <location filename="../../ui/dialogs/qt_attributes_dialog.py" line="101"/>
        <source>Attributes of {0}</source>
        <translation>{0} 的属性</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_attributes_dialog.py" line="109"/>
        <source>{0} · layer {1}</source>
        <translation>{0} · 图层 {1}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_attributes_dialog.py" line="120"/>
        <source>Ids are stable and cannot be edited</source>
        <translation>编号固定不变，不可编辑</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_attributes_dialog.py" line="122"/>
        <source>id</source>
        <translation>编号</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_attributes_dialog.py" line="145"/>
        <source>Other columns of the source (read-only):</source>
        <translation>数据源中的其他列（只读）：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_attributes_dialog.py" line="182"/>
        <source>no value</source>
        <translation>无值</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_attributes_dialog.py" line="177"/>
        <source>A number of at least 0; leave empty for no value</source>
        <translation>不小于 0 的数字；留空表示无值</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_attributes_dialog.py" line="252"/>
        <source>Edit attributes of {0}</source>
        <translation>编辑 {0} 的属性</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_attributes_dialog.py" line="261"/>
        <source>The edit was not made</source>
        <translation>未能完成编辑</translation>
    </message>
</context>
<context>
    <name>QtComparePanel</name>
    <message>
        <location filename="../../ui/panels/qt_compare_panel.py" line="74"/>
        <source>Keep as reference</source>
        <translation>设为参照</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_compare_panel.py" line="75"/>
        <source>Keep the figures shown now; later figures (after edits, or under another scenario or period) are compared with them</source>
        <translation>保留当前指标；之后的指标（编辑后，或换用其他情景、时期）将与其对比</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_compare_panel.py" line="82"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_compare_panel.py" line="99"/>
        <source>Show unchanged indicators</source>
        <translation>显示未变化的指标</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_compare_panel.py" line="122"/>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_compare_panel.py" line="122"/>
        <source>Reference</source>
        <translation>参照</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_compare_panel.py" line="122"/>
        <source>Now</source>
        <translation>当前</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_compare_panel.py" line="122"/>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_compare_panel.py" line="136"/>
        <source>Violations that appeared or went</source>
        <translation>新增或消除的违规</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_compare_panel.py" line="178"/>
        <source>No reference kept: press Keep as reference, then edit the plan or switch the scenario or period.</source>
        <translation>尚未设参照：请点击“设为参照”，然后编辑规划或切换情景、时期。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_compare_panel.py" line="190"/>
        <source>Reference kept at {0}: {1}, {2}</source>
        <translation>参照保存于 {0}：{1}，{2}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_compare_panel.py" line="219"/>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_compare_panel.py" line="219"/>
        <source>Gone</source>
        <translation>消除</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_compare_panel.py" line="231"/>
        <source>None.</source>
        <translation>无。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_compare_panel.py" line="102"/>
        <source>Show on map</source>
        <translation>在地图上显示</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_compare_panel.py" line="103"/>
        <source>Draw on the map what changed since the reference: residents newly served or unserved for the indicator shown, sites added, removed or moved, violations that appeared or went</source>
        <translation>在地图上绘制与参照相比的变化：当前指标下新增覆盖或新增未覆盖的居民，新增、删除或移动的场地，新增或消除的违规</translation>
    </message>
</context>
<context>
    <name>QtDrawBoundaryDialog</name>
    <message>
        <location filename="../../ui/dialogs/qt_draw_boundary.py" line="130"/>
        <source>Draw the plan&apos;s boundary</source>
        <translation>绘制规划范围边界</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_draw_boundary.py" line="133"/>
        <source>Click the boundary&apos;s corners; double-click or Enter to finish. Backspace removes the last corner, Esc starts again. Wheel: zoom; right or middle button: pan.</source>
        <translation>依次点击边界的拐点；双击或按 Enter 完成。Backspace 删除上一个拐点，Esc 重新开始。滚轮：缩放；右键或中键拖动：平移。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_draw_boundary.py" line="154"/>
        <source>Start again</source>
        <translation>重新开始</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_draw_boundary.py" line="257"/>
        <source>A boundary needs three corners at least.</source>
        <translation>边界至少需要三个拐点。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_draw_boundary.py" line="261"/>
        <source>The boundary crosses itself: press Backspace or Esc and draw it again.</source>
        <translation>边界自相交：请按 Backspace 或 Esc 后重新绘制。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_draw_boundary.py" line="299"/>
        <source>{0} corners clicked</source>
        <translation>已点击 {0} 个拐点</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_draw_boundary.py" line="301"/>
        <source>Boundary of {0} corners, {1:.2f} km²</source>
        <translation>边界共 {0} 个拐点，面积 {1:.2f} km²</translation>
    </message>
</context>
<context>
    <name>QtEvaluateBox</name>
    <message>
        <location filename="../../ui/panels/qt_evaluate_box.py" line="23"/>
        <source>Hazard scenario: its hazard zones shape the emergency period</source>
        <translation>灾害情景：决定急时评估采用哪些灾害风险区</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_evaluate_box.py" line="28"/>
        <source>Normal and emergency</source>
        <translation>平时与急时</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_evaluate_box.py" line="29"/>
        <source>Normal (daily life)</source>
        <translation>平时（日常生活）</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_evaluate_box.py" line="30"/>
        <source>Emergency (shelters)</source>
        <translation>急时（应急避难）</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_evaluate_box.py" line="34"/>
        <source>Evaluate</source>
        <translation>评估</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_evaluate_box.py" line="35"/>
        <source>Scenario</source>
        <translation>情景</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_evaluate_box.py" line="35"/>
        <source>Period</source>
        <translation>时期</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_evaluate_box.py" line="48"/>
        <source>Earthquake</source>
        <translation>地震</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_evaluate_box.py" line="49"/>
        <source>Flood</source>
        <translation>洪涝</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_evaluate_box.py" line="50"/>
        <source>Fire</source>
        <translation>火灾</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_evaluate_box.py" line="51"/>
        <source>All hazards</source>
        <translation>全部灾种</translation>
    </message>
</context>
<context>
    <name>QtEvaluationRunner</name>
    <message>
        <location filename="../../ui/qt_worker.py" line="780"/>
        <source>Unexpected error during the evaluation: {error}. The details are in the log.</source>
        <translation>评估时发生意外错误：{error}。详情见日志。</translation>
    </message>
</context>
<context>
    <name>QtExportDialog</name>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="514"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="221"/>
        <source>Web map and report (HTML)</source>
        <translation>网页地图与报告（HTML）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="222"/>
        <source>Map sheet (PDF)</source>
        <translation>图纸（PDF）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="223"/>
        <source>Map sheet (PNG image)</source>
        <translation>图纸（PNG 图片）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="224"/>
        <source>Shapefiles</source>
        <translation>Shapefile</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="225"/>
        <source>GeoPackage</source>
        <translation>GeoPackage</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="226"/>
        <source>GeoJSON (WGS 84)</source>
        <translation>GeoJSON（WGS 84）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="227"/>
        <source>Report tables (CSV)</source>
        <translation>报告表格（CSV）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="232"/>
        <source>Formats</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="255"/>
        <source>Attribute encoding of the Shapefiles; GBK for older Chinese GIS software</source>
        <translation>Shapefile 的属性编码；较旧的国产 GIS 软件请选 GBK</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="258"/>
        <source>Zip</source>
        <translation>压缩</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="259"/>
        <source>Put all Shapefiles into one .zip file</source>
        <translation>将所有 Shapefile 打包为一个 .zip 文件</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="260"/>
        <source>Shapefile encoding</source>
        <translation>Shapefile 编码</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="268"/>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="274"/>
        <source>Landscape</source>
        <translation>横向</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="275"/>
        <source>Portrait</source>
        <translation>纵向</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="280"/>
        <source>Map sheet paper:</source>
        <translation>图纸尺寸：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="281"/>
        <source>Orientation:</source>
        <translation>方向：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="303"/>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="304"/>
        <source>scenario {scenario} · period: {period}</source>
        <translation>情景：{scenario} · 时期：{period}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="311"/>
        <source>Evaluates:</source>
        <translation>评估内容：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="313"/>
        <source>Output folder</source>
        <translation>输出文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="317"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="322"/>
        <source>Replace existing files without asking</source>
        <translation>直接覆盖已有文件，不再询问</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="326"/>
        <source>Press Preview to see the map sheet before writing the PDF.</source>
        <translation>点击“预览图纸”，在写出 PDF 前查看图纸。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="327"/>
        <source>Preview map sheet</source>
        <translation>预览图纸</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="351"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="353"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="476"/>
        <source>Choose at least one format.</source>
        <translation>请至少选择一种格式。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="479"/>
        <source>Choose an output folder.</source>
        <translation>请选择输出文件夹。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="489"/>
        <source>Replace existing files?</source>
        <translation>覆盖已有文件？</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="489"/>
        <source>{count} of the outputs already exist in {folder}:
{names}

Replace them?</source>
        <translation>{folder} 中已存在 {count} 个输出文件：
{names}

是否覆盖？</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="499"/>
        <source>Nothing was written: the existing files were kept.</source>
        <translation>未写出任何文件：已保留原有文件。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="533"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="565"/>
        <source>Drawing the preview…</source>
        <translation>正在绘制预览…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="573"/>
        <source>Cancelling: the export stops after its current step, and nothing is written.</source>
        <translation>正在取消：导出将在当前步骤完成后停止，不会写出任何文件。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="573"/>
        <source>Cancelling the preview…</source>
        <translation>正在取消预览…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="626"/>
        <source>Export to folder</source>
        <translation>导出到文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="642"/>
        <source>Preview of the map sheet ({paper}, {orientation}).</source>
        <translation>图纸预览（{paper}，{orientation}）。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="663"/>
        <source>Exported {count} files to {folder}.</source>
        <translation>已导出 {count} 个文件到 {folder}。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="658"/>
        <source>Open the web map in your browser?</source>
        <translation>在浏览器中打开网页地图？</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="658"/>
        <source>Open the folder?</source>
        <translation>打开文件夹？</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="663"/>
        <source>Export finished</source>
        <translation>导出完成</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="680"/>
        <source>Preview failed</source>
        <translation>预览失败</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="681"/>
        <source>The preview failed.</source>
        <translation>预览失败。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="683"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="684"/>
        <source>The export failed; nothing was written.</source>
        <translation>导出失败，未写出任何文件。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="690"/>
        <source>Export cancelled; nothing was written.</source>
        <translation>导出已取消，未写出任何文件。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="690"/>
        <source>Preview cancelled.</source>
        <translation>预览已取消。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="228"/>
        <source>Report tables (Excel)</source>
        <translation>报告表格（Excel）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="229"/>
        <source>QGIS project and GeoPackage</source>
        <translation>QGIS 工程与 GeoPackage</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="283"/>
        <source>The indicator whose service area and gaps the map sheet draws</source>
        <translation>地图图幅绘制其服务范围与缺口的指标</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="291"/>
        <source>as evaluated</source>
        <translation>按评估结果</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="296"/>
        <source>Map sheet shows:</source>
        <translation>图幅显示：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="301"/>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="302"/>
        <source>Subtitle:</source>
        <translation>副标题：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="329"/>
        <source>Zoom…</source>
        <translation>放大查看…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="330"/>
        <source>The preview at full resolution (or double-click it)</source>
        <translation>以完整分辨率查看预览（或双击预览图）</translation>
    </message>
</context>
<context>
    <name>QtFeaturePanel</name>
    <message>
        <location filename="../../ui/panels/qt_feature_panel.py" line="69"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_feature_panel.py" line="69"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_feature_panel.py" line="81"/>
        <source>Edit attributes…</source>
        <translation>编辑属性…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_feature_panel.py" line="139"/>
        <source>Click a feature with the Select tool to see it here.</source>
        <translation>用“选择”工具点击要素，即可在此查看。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_feature_panel.py" line="158"/>
        <source>{0} · layer {1} · {2}</source>
        <translation>{0} · 图层 {1} · {2}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_feature_panel.py" line="167"/>
        <source>area (m²)</source>
        <translation>面积（m²）</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_feature_panel.py" line="151"/>
        <source>point</source>
        <translation>点</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_feature_panel.py" line="152"/>
        <source>points</source>
        <translation>多点</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_feature_panel.py" line="153"/>
        <source>line</source>
        <translation>线</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_feature_panel.py" line="154"/>
        <source>lines</source>
        <translation>多线</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_feature_panel.py" line="155"/>
        <source>polygon</source>
        <translation>面</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_feature_panel.py" line="156"/>
        <source>polygons</source>
        <translation>多面</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_feature_panel.py" line="194"/>
        <source>Shelter capacity (persons)</source>
        <translation>避难容量（人）</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_feature_panel.py" line="195"/>
        <source>Residents assigned</source>
        <translation>分配居民</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_feature_panel.py" line="196"/>
        <source>Spare capacity</source>
        <translation>剩余容量</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_feature_panel.py" line="197"/>
        <source>Residents within its radius</source>
        <translation>服务半径内居民</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_feature_panel.py" line="198"/>
        <source>Capacity from</source>
        <translation>容量依据</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_feature_panel.py" line="199"/>
        <source>Over capacity</source>
        <translation>超出容量</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_feature_panel.py" line="163"/>
        <source>{0} more selected</source>
        <translation>另选 {0} 个</translation>
    </message>
</context>
<context>
    <name>QtFeatureSearch</name>
    <message>
        <location filename="../../ui/panels/qt_attribute_table.py" line="527"/>
        <source>Find a feature by name or id…</source>
        <translation>按名称或编号查找要素…</translation>
    </message>
</context>
<context>
    <name>QtGuideDialog</name>
    <message>
        <location filename="../../ui/dialogs/qt_guide_dialog.py" line="27"/>
        <source>Guide: principles, life circles and indicators</source>
        <translation>指南：原则、生活圈与指标</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_guide_dialog.py" line="47"/>
        <source>Every figure is counted by walking distance along the plan&apos;s walking network, from each resident point to the edge of each site, at {0:g} m per minute. Two periods are evaluated: normal times (activity space and daily facilities) and an emergency under a hazard scenario (shelters, with dual-use spaces turned into shelters).</source>
        <translation>所有指标均按沿规划步行网络的步行距离计算：从每个居民点到各场地边界，步速每分钟 {0:g} 米。评估分两个时期：平时（活动空间与日常设施）和某一灾害情景下的急时（避难场所，平急两用空间转为避难场所）。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_guide_dialog.py" line="58"/>
        <source>space gives way to safety: evacuation routes keep their clear width and stay out of the debris zone of tall buildings; shelter grounds and flood channels stay unbuilt; every shelter keeps its entrances and access routes.</source>
        <translation>空间让位于安全：疏散通道保持净宽，并避开高层建筑倒塌影响范围；避难场地与行洪通道不得占用建设；每处避难场所保留足够的出入口与通道。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_guide_dialog.py" line="65"/>
        <source>protective distances around hazard sources (petrol stations, high-voltage lines, pipelines, fire sources, industrial land): the part of a site inside them does not count as shelter area, and the site is listed as a violation.</source>
        <translation>危险源（加油站、高压线、管线、火源、工业用地）周边的防护距离：场地落入其内的部分不计入有效避难面积，该场地列为违规。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_guide_dialog.py" line="72"/>
        <source>shelters, dual-use spaces and sensitive facilities (schools, kindergartens, elderly care, clinics) stay out of hazard zones (flood, geohazard, fault, collapse range), judged for the chosen scenario.</source>
        <translation>避难场所、平急两用空间及敏感设施（学校、幼儿园、养老、诊所）须避开灾害风险区（洪涝、地质灾害、断裂带、倒塌范围），按所选情景判断。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_guide_dialog.py" line="79"/>
        <source>Click a violation in the Violations panel to see the site on the map; the capacity each principle removed is listed with the shelter figures.</source>
        <translation>在违规面板中点击一条违规即可在地图上查看该场地；各原则扣减的容量随避难指标一并列出。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_guide_dialog.py" line="86"/>
        <source>A resident is served by an activity space of a life circle when one large enough for that circle lies within its walking radius:</source>
        <translation>当步行半径内有一处满足该生活圈规模要求的活动空间时，居民即视为被该生活圈覆盖：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_guide_dialog.py" line="93"/>
        <source>within {0:g} m, spaces of at least {1:g} m², {2:g} m² per person</source>
        <translation>{0:g} 米以内，空间不小于 {1:g} m²，人均 {2:g} m²</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_guide_dialog.py" line="106"/>
        <source>A shelter holds the smaller of its stated capacity and its effective area divided by the area per person of its class, less the part the 防 and 避 checks take away. Residents are then given places exactly: as many as possible, each only in a shelter within its class's radius, nearest first. A shelter is over capacity when more people have it as their nearest than it holds.</source>
        <translation>避难场所的容量取其标称容量与“有效避难面积 ÷ 该类场所人均面积”中的较小值，再扣除“防”“避”检查去除的部分。随后精确分配避难位置：尽可能多地安置居民，每人只分配到其服务半径内的场所，就近优先。若以某场所为最近场所的人数超过其容量，则该场所超载。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_guide_dialog.py" line="116"/>
        <source>Emergency shelter (紧急)</source>
        <translation>紧急避难场所</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_guide_dialog.py" line="117"/>
        <source>Fixed shelter (固定)</source>
        <translation>固定避难场所</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_guide_dialog.py" line="118"/>
        <source>Short-term fixed shelter</source>
        <translation>短期固定避难场所</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_guide_dialog.py" line="119"/>
        <source>Medium-term fixed shelter</source>
        <translation>中期固定避难场所</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_guide_dialog.py" line="120"/>
        <source>Long-term fixed shelter</source>
        <translation>长期固定避难场所</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_guide_dialog.py" line="121"/>
        <source>Central shelter (中心)</source>
        <translation>中心避难场所</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_guide_dialog.py" line="125"/>
        <source>within {0:g} m, {1:g} m² per person</source>
        <translation>{0:g} 米以内，人均 {1:g} m²</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_guide_dialog.py" line="137"/>
        <source>the share of residents with a place in a shelter within walking distance.</source>
        <translation>在步行范围内的避难场所中有位置的居民比例。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_guide_dialog.py" line="140"/>
        <source>the places all shelters hold after the checks, against the population.</source>
        <translation>经检查后全部避难场所可容纳的人数，与人口对比。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_guide_dialog.py" line="142"/>
        <source>Life circle: share covered</source>
        <translation>生活圈：覆盖比例</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_guide_dialog.py" line="143"/>
        <source>the share of residents within the circle&apos;s radius of a large enough space.</source>
        <translation>在生活圈半径内有足够规模活动空间的居民比例。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_guide_dialog.py" line="145"/>
        <source>Life circle: area per person</source>
        <translation>生活圈：人均面积</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_guide_dialog.py" line="146"/>
        <source>the area of the circle&apos;s spaces divided by the residents they serve.</source>
        <translation>生活圈内活动空间面积除以其服务的居民数。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_guide_dialog.py" line="148"/>
        <source>Facility kind: share covered</source>
        <translation>设施类型：覆盖比例</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_guide_dialog.py" line="149"/>
        <source>the share of residents within the kind&apos;s radius of one of its facilities:</source>
        <translation>在该类设施服务半径内的居民比例：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_guide_dialog.py" line="153"/>
        <source>within {0:g} m</source>
        <translation>{0:g} 米以内</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_guide_dialog.py" line="160"/>
        <source>Each indicator passes when it reaches the profile&apos;s target (or the plan&apos;s own, when the plan sets one); the Indicators panel shows the target and its source. The map shows who is not served for the indicator chosen there.</source>
        <translation>每项指标达到规则配置的目标（或规划自设的目标）即为达标；指标面板列出目标及其依据。地图显示所选指标下未被服务的居民。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_guide_dialog.py" line="166"/>
        <source>Rule profile in use: {0}</source>
        <translation>当前规则配置：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_guide_dialog.py" line="45"/>
        <source>How SpacePlanner reads a plan</source>
        <translation>SpacePlanner 如何评估规划</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_guide_dialog.py" line="55"/>
        <source>让 give way, 防 prevent, 避 avoid</source>
        <translation>让、防、避</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_guide_dialog.py" line="84"/>
        <source>Life circles</source>
        <translation>生活圈</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_guide_dialog.py" line="104"/>
        <source>Shelter capacity</source>
        <translation>避难场所容量</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_guide_dialog.py" line="134"/>
        <source>What each indicator means</source>
        <translation>各项指标的含义</translation>
    </message>
</context>
<context>
    <name>QtIndicatorsPanel</name>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="229"/>
        <source>No plan open.</source>
        <translation>未打开规划。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="229"/>
        <source>Not evaluated yet. Press Evaluate to measure who can walk to a shelter, to activity space and to each kind of facility.</source>
        <translation>尚未评估。点击“评估”，测算哪些居民可步行到达避难场所、活动空间和各类设施。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="245"/>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="245"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="245"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="245"/>
        <source>Met</source>
        <translation>达标</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="248"/>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="252"/>
        <source>All periods</source>
        <translation>全部时期</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="257"/>
        <source>Live update: the figures follow your latest edit; the gap and service areas on the map are from the last full evaluation (stale). Press Evaluate to refresh.</source>
        <translation>实时更新：数值已随最近的编辑更新；地图上的服务盲区与服务范围仍来自上一次完整评估（已过时）。点击“评估”刷新。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="266"/>
        <source>network walking distances</source>
        <translation>路网步行距离</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="269"/>
        <source>straight-line distances × detour factor {factor}</source>
        <translation>直线距离 × 绕行系数 {factor}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="272"/>
        <source>{population} residents · {distance} · scenario: {scenario} · rules: {rules}</source>
        <translation>居民 {population} 人 · {distance} · 情景：{scenario} · 规则：{rules}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="281"/>
        <source> · period: {period}</source>
        <translation> · 时期：{period}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="297"/>
        <source>Notes:</source>
        <translation>说明：</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="316"/>
        <source>{group} — {met} of {total} met</source>
        <translation>{group} — {total} 项中 {met} 项达标</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="324"/>
        <source>Period: {period}</source>
        <translation>时期：{period}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="340"/>
        <source>{met} of {total} targets met</source>
        <translation>{total} 项指标中 {met} 项达标</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="374"/>
        <source>Source: {source}</source>
        <translation>依据：{source}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="374"/>
        <source>No standard cited: the target is room for every resident.</source>
        <translation>未引用标准：目标为每位居民都有避难容量。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="374"/>
        <source>No standard cited.</source>
        <translation>未引用标准。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="381"/>
        <source>{value}; target at least {target}</source>
        <translation>{value}；目标不低于 {target}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="406"/>
        <source>{value} persons</source>
        <translation>{value} 人</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="409"/>
        <source>{value} m²/person</source>
        <translation>{value} m²/人</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="294"/>
        <source>… and {count} more (hover to read them)</source>
        <translation>…… 另有 {count} 条（悬停查看）</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="316"/>
        <source>{group} — not assessed</source>
        <translation>{group} — 未评估</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="340"/>
        <source> ({count} not assessed)</source>
        <translation>（{count} 项未评估）</translation>
    </message>
</context>
<context>
    <name>QtLayerChecks</name>
    <message>
        <location filename="../../ui/dialogs/qt_layer_preview.py" line="49"/>
        <source>Checks</source>
        <translation>检查</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_layer_preview.py" line="71"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_layer_preview.py" line="72"/>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_layer_preview.py" line="73"/>
        <source>Repaired</source>
        <translation>已修复</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_layer_preview.py" line="74"/>
        <source>Note</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_layer_preview.py" line="86"/>
        <source>Choose a file to add.</source>
        <translation>请选择要添加的文件。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_layer_preview.py" line="88"/>
        <source>1 error: fix it to add the layer.</source>
        <translation>1 个错误：修正后才能添加图层。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_layer_preview.py" line="88"/>
        <source>{0} errors: fix them to add the layer.</source>
        <translation>{0} 个错误：修正后才能添加图层。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_layer_preview.py" line="94"/>
        <source>Ready: a raster of {0} × {1} cells.</source>
        <translation>就绪：栅格 {0} × {1} 像元。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_layer_preview.py" line="98"/>
        <source>Ready: 1 feature.</source>
        <translation>就绪：1 个要素。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_layer_preview.py" line="98"/>
        <source>Ready: {0} features.</source>
        <translation>就绪：{0} 个要素。</translation>
    </message>
</context>
<context>
    <name>QtLayerListModel</name>
    <message>
        <location filename="../../ui/panels/qt_layer_list_model.py" line="171"/>
        <source>Layer</source>
        <translation>图层</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_layer_list_model.py" line="172"/>
        <source>Features</source>
        <translation>要素数</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_layer_list_model.py" line="193"/>
        <source>raster</source>
        <translation>栅格</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_layer_list_model.py" line="231"/>
        <source>Raster {0} × {1}, {2}</source>
        <translation>栅格 {0} × {1}，{2}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_layer_list_model.py" line="242"/>
        <source>Source: {0}</source>
        <translation>数据源：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_layer_list_model.py" line="245"/>
        <source>Fields: {0}</source>
        <translation>字段：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_layer_list_model.py" line="366"/>
        <source>1 feature</source>
        <translation>1 个要素</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_layer_list_model.py" line="367"/>
        <source>{0} features</source>
        <translation>{0} 个要素</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_layer_list_model.py" line="191"/>
        <source>{0} (not in this scenario)</source>
        <translation>{0}（不计入本情景）</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_layer_list_model.py" line="214"/>
        <source>Not counted: scenario &apos;{0}&apos; does not include this layer&apos;s hazard type, so its zones do not shape the emergency period. Choose its scenario (or All hazards) to count it.</source>
        <translation>未计入：情景“{0}”不包含本图层的灾害类型，其范围不影响应急期评估。选择相应情景（或“全部灾害”）即可计入。</translation>
    </message>
</context>
<context>
    <name>QtLayerPreview</name>
    <message>
        <location filename="../../ui/dialogs/qt_layer_preview.py" line="127"/>
        <source>Size</source>
        <translation>尺寸</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_layer_preview.py" line="128"/>
        <source>Bands</source>
        <translation>波段数</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_layer_preview.py" line="129"/>
        <source>Data type</source>
        <translation>数据类型</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_layer_preview.py" line="130"/>
        <source>No data</source>
        <translation>无数据值</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_layer_preview.py" line="131"/>
        <source>CRS</source>
        <translation>坐标系</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_layer_preview.py" line="135"/>
        <source>Property</source>
        <translation>属性</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_layer_preview.py" line="135"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_layer_preview.py" line="170"/>
        <source>geometry</source>
        <translation>几何</translation>
    </message>
</context>
<context>
    <name>QtLayersPanel</name>
    <message>
        <location filename="../../ui/panels/qt_layers_panel.py" line="134"/>
        <source>Add layer…</source>
        <translation>添加图层…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_layers_panel.py" line="134"/>
        <source>Add a layer from a file</source>
        <translation>从文件添加图层</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_layers_panel.py" line="352"/>
        <source>Remove layer</source>
        <translation>移除图层</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_layers_panel.py" line="137"/>
        <source>Remove the layer</source>
        <translation>移除该图层</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_layers_panel.py" line="143"/>
        <source>Style…</source>
        <translation>样式…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_layers_panel.py" line="143"/>
        <source>Colours, line width and opacity</source>
        <translation>颜色、线宽和不透明度</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_layers_panel.py" line="146"/>
        <source>Role…</source>
        <translation>角色…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_layers_panel.py" line="146"/>
        <source>What the layer is in the plan</source>
        <translation>图层在规划中的角色</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_layers_panel.py" line="149"/>
        <source>Zoom</source>
        <translation>缩放</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_layers_panel.py" line="149"/>
        <source>Zoom to the layer</source>
        <translation>缩放至该图层</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_layers_panel.py" line="339"/>
        <source>The layer was not added</source>
        <translation>未能添加图层</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_layers_panel.py" line="352"/>
        <source>Remove the layer &apos;{0}&apos; from the plan? Undo brings it back.</source>
        <translation>从规划中移除图层“{0}”？可用撤销恢复。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_layers_panel.py" line="365"/>
        <source>The layer was not removed</source>
        <translation>未能移除图层</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_layers_panel.py" line="379"/>
        <source>Style of {0}</source>
        <translation>{0} 的样式</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_layers_panel.py" line="396"/>
        <source>The style was not changed</source>
        <translation>未能修改样式</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_layers_panel.py" line="481"/>
        <source>Role of {0}</source>
        <translation>{0} 的图层角色</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_layers_panel.py" line="481"/>
        <source>The layer&apos;s role in the plan:</source>
        <translation>图层在规划中的角色：</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_layers_panel.py" line="506"/>
        <source>The role was not changed</source>
        <translation>未能修改图层角色</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_layers_panel.py" line="150"/>
        <source>Show labels</source>
        <translation>显示标注</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_layers_panel.py" line="150"/>
        <source>Show the features&apos; names on the map</source>
        <translation>在地图上显示要素名称</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_layers_panel.py" line="156"/>
        <source>Base map</source>
        <translation>底图</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_layers_panel.py" line="158"/>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_layers_panel.py" line="158"/>
        <source>No base map</source>
        <translation>不显示底图</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_layers_panel.py" line="158"/>
        <source>OpenStreetMap (online)</source>
        <translation>OpenStreetMap（在线）</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_layers_panel.py" line="158"/>
        <source>OpenStreetMap tiles, fetched when the computer is online</source>
        <translation>OpenStreetMap 瓦片，联网时获取</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_layers_panel.py" line="158"/>
        <source>Tianditu (online, your key)…</source>
        <translation>天地图（在线，需您的密钥）…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_layers_panel.py" line="158"/>
        <source>Tianditu tiles, with your own key from console.tianditu.gov.cn</source>
        <translation>天地图瓦片，使用您在 console.tianditu.gov.cn 申请的密钥</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_layers_panel.py" line="158"/>
        <source>From a file…</source>
        <translation>来自文件…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_layers_panel.py" line="158"/>
        <source>An offline GeoTIFF, MBTiles or GeoPackage raster under the layers</source>
        <translation>以离线 GeoTIFF、MBTiles 或 GeoPackage 栅格作为图层下方的底图</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_layers_panel.py" line="435"/>
        <source>Base map file</source>
        <translation>底图文件</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_layers_panel.py" line="435"/>
        <source>Rasters and tiles (*.tif *.tiff *.mbtiles *.gpkg);;All files (*)</source>
        <translation>栅格与瓦片 (*.tif *.tiff *.mbtiles *.gpkg);;所有文件 (*)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_layers_panel.py" line="456"/>
        <source>Tianditu key</source>
        <translation>天地图密钥</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_layers_panel.py" line="456"/>
        <source>Your Tianditu key (a browser key from console.tianditu.gov.cn):</source>
        <translation>您的天地图密钥（在 console.tianditu.gov.cn 申请的浏览器端密钥）：</translation>
    </message>
</context>
<context>
    <name>QtLegendPanel</name>
    <message>
        <location filename="../../ui/panels/qt_legend_panel.py" line="68"/>
        <source>Nothing is shown on the map.</source>
        <translation>地图上没有显示任何内容。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_legend_panel.py" line="83"/>
        <source>Suggested sites</source>
        <translation>建议场地</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_legend_panel.py" line="84"/>
        <source>Gap areas (out of reach)</source>
        <translation>服务盲区（服务范围以外）</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_legend_panel.py" line="85"/>
        <source>Residents not covered</source>
        <translation>未覆盖居民</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_legend_panel.py" line="86"/>
        <source>Shelter over capacity</source>
        <translation>超出容量的避难场所</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_legend_panel.py" line="87"/>
        <source>Service areas (within reach)</source>
        <translation>服务范围（可达范围内）</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_legend_panel.py" line="88"/>
        <source>Hazard zones</source>
        <translation>灾害风险区</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_legend_panel.py" line="108"/>
        <source>no value</source>
        <translation>无值</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_legend_panel.py" line="110"/>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_legend_panel.py" line="117"/>
        <source>Emergency shelter</source>
        <translation>紧急避难场所</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_legend_panel.py" line="118"/>
        <source>Fixed shelter</source>
        <translation>固定避难场所</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_legend_panel.py" line="119"/>
        <source>Short-term fixed shelter</source>
        <translation>短期固定避难场所</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_legend_panel.py" line="120"/>
        <source>Medium-term fixed shelter</source>
        <translation>中期固定避难场所</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_legend_panel.py" line="121"/>
        <source>Long-term fixed shelter</source>
        <translation>长期固定避难场所</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_legend_panel.py" line="122"/>
        <source>Central shelter</source>
        <translation>中心避难场所</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_legend_panel.py" line="144"/>
        <source>Evaluation results</source>
        <translation>评估结果</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_legend_panel.py" line="160"/>
        <source>Layers</source>
        <translation>图层</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_legend_panel.py" line="181"/>
        <source>Tianditu</source>
        <translation>天地图</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_legend_panel.py" line="183"/>
        <source>Base map: {0}</source>
        <translation>底图：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_legend_panel.py" line="89"/>
        <source>Violation&apos;s cause</source>
        <translation>违规成因</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_legend_panel.py" line="90"/>
        <source>Band or zone it meets</source>
        <translation>所涉防护带或区域</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_legend_panel.py" line="91"/>
        <source>Part of the site removed</source>
        <translation>场地被扣除部分</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_legend_panel.py" line="92"/>
        <source>Newly served residents</source>
        <translation>新增覆盖的居民</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_legend_panel.py" line="93"/>
        <source>Newly unserved residents</source>
        <translation>新增未覆盖的居民</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_legend_panel.py" line="94"/>
        <source>Added sites</source>
        <translation>新增场地</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_legend_panel.py" line="95"/>
        <source>Removed sites</source>
        <translation>删除的场地</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_legend_panel.py" line="96"/>
        <source>Moved site: old place</source>
        <translation>移动的场地：原位置</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_legend_panel.py" line="97"/>
        <source>Moved site: new place</source>
        <translation>移动的场地：新位置</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_legend_panel.py" line="98"/>
        <source>Moved site: old → new</source>
        <translation>移动的场地：原 → 新</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_legend_panel.py" line="99"/>
        <source>New violations</source>
        <translation>新增违规</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_legend_panel.py" line="100"/>
        <source>Violations gone</source>
        <translation>已消除的违规</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_legend_panel.py" line="144"/>
        <source>Highlighted</source>
        <translation>突出显示</translation>
    </message>
</context>
<context>
    <name>QtMainWindow</name>
    <message>
        <location filename="../../ui/qt_main_window.py" line="765"/>
        <source>SpacePlanner</source>
        <translation>SpacePlanner</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="176"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="203"/>
        <source>&amp;Open plan…</source>
        <translation>打开规划(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="204"/>
        <source>&amp;New plan from files…</source>
        <translation>从文件新建规划(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="208"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="209"/>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="212"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="216"/>
        <source>&amp;Close plan</source>
        <translation>关闭规划(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="217"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="735"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="736"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="221"/>
        <source>&amp;Attributes…</source>
        <translation>属性(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="221"/>
        <source>Edit the selected feature&apos;s attributes</source>
        <translation>编辑所选要素的属性</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="227"/>
        <source>&amp;Delete feature</source>
        <translation>删除要素(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="227"/>
        <source>Delete the selected feature</source>
        <translation>删除所选要素</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="233"/>
        <source>&amp;Evaluate</source>
        <translation>评估(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="233"/>
        <source>Evaluate the plan with gap areas and service areas</source>
        <translation>评估规划（含服务盲区与服务范围）</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="240"/>
        <source>&amp;Cancel evaluation</source>
        <translation>取消评估(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="241"/>
        <source>Zoom to &amp;extent</source>
        <translation>缩放至全图(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="255"/>
        <source>Pan</source>
        <translation>平移</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="246"/>
        <source>Select and identify</source>
        <translation>选择与识别</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="247"/>
        <source>Move feature</source>
        <translation>移动要素</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="248"/>
        <source>Add point feature</source>
        <translation>添加点要素</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="259"/>
        <source>Draw polygon</source>
        <translation>绘制多边形</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="250"/>
        <source>Reshape polygon</source>
        <translation>重塑多边形</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="256"/>
        <source>Select</source>
        <translation>选择</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="257"/>
        <source>Move</source>
        <translation>移动</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="258"/>
        <source>Add point</source>
        <translation>加点</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="260"/>
        <source>Reshape</source>
        <translation>重塑</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="264"/>
        <source>Full extent</source>
        <translation>全图</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="265"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="266"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="267"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="268"/>
        <source>Attributes</source>
        <translation>属性</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="288"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="293"/>
        <source>Open &amp;sample map</source>
        <translation>打开示例地图(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="300"/>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="309"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="319"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="322"/>
        <source>Result &amp;overlays</source>
        <translation>结果图层(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="324"/>
        <source>&amp;Panels</source>
        <translation>面板(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="332"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="335"/>
        <source>System language</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="346"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="352"/>
        <source>&amp;About SpacePlanner</source>
        <translation>关于 SpacePlanner(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="410"/>
        <source>Layers</source>
        <translation>图层</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="410"/>
        <source>Indicators</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="410"/>
        <source>Violations of 让 / 防 / 避</source>
        <translation>让 / 防 / 避 选址问题</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="469"/>
        <source>Tools</source>
        <translation>工具</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="491"/>
        <source>Gap areas</source>
        <translation>服务盲区</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="492"/>
        <source>Uncovered residents</source>
        <translation>未覆盖的居民</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="493"/>
        <source>Shelters over capacity</source>
        <translation>超出容量的避难场所</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="494"/>
        <source>Service areas</source>
        <translation>服务范围</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="495"/>
        <source>Hazard zones</source>
        <translation>灾害风险区</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="496"/>
        <source>Violations</source>
        <translation>选址问题</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="630"/>
        <source>CRS {0}</source>
        <translation>坐标系 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="696"/>
        <source>Gaps shown: {0}</source>
        <translation>显示盲区：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="735"/>
        <source>&amp;Undo {0}</source>
        <translation>撤销 {0}(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="736"/>
        <source>&amp;Redo {0}</source>
        <translation>重做 {0}(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="748"/>
        <source>not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="862"/>
        <source>Editing: {0}</source>
        <translation>编辑图层：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="862"/>
        <source>No layer chosen to edit</source>
        <translation>未选择要编辑的图层</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="886"/>
        <source>Delete {0}</source>
        <translation>删除 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="916"/>
        <source>The edit was not made</source>
        <translation>未能完成编辑</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="963"/>
        <source>Evaluated</source>
        <translation>评估完成</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="968"/>
        <source>The evaluation failed</source>
        <translation>评估失败</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="979"/>
        <source>Evaluation cancelled</source>
        <translation>评估已取消</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="1053"/>
        <source>About SpacePlanner</source>
        <translation>关于 SpacePlanner</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="1053"/>
        <source>SpacePlanner {0}

Plan resilient public space in urban communities.

Sample maps: © OpenStreetMap contributors (ODbL); population grids and terrain as credited in each sample's README.</source>
        <translation>SpacePlanner {0}

城市社区韧性公共空间规划工具。

示例地图：© OpenStreetMap 贡献者（ODbL）；人口格网与地形数据的来源见各示例的 README。</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="410"/>
        <source>Selected feature</source>
        <translation>所选要素</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="326"/>
        <source>Ev&amp;aluate</source>
        <translation>评估(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="971"/>
        <source>The figures could not be updated: {0}</source>
        <translation>指标未能更新：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="213"/>
        <source>&amp;Suggest sites…</source>
        <translation>选址建议(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="205"/>
        <source>New plan from OpenStreet&amp;Map…</source>
        <translation>从 OpenStreetMap 新建规划(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="410"/>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="348"/>
        <source>&amp;Guide: principles, life circles, indicators…</source>
        <translation>指南：原则、生活圈与指标(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="410"/>
        <source>Compare</source>
        <translation>对比</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="261"/>
        <source>Draw line</source>
        <translation>绘制线</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="252"/>
        <source>Measure distance and area</source>
        <translation>量测距离和面积</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="262"/>
        <source>Measure</source>
        <translation>量测</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="536"/>
        <source>Attribute table</source>
        <translation>属性表</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="546"/>
        <source>&amp;Find feature…</source>
        <translation>查找要素(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="549"/>
        <source>S&amp;napping</source>
        <translation>捕捉(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="549"/>
        <source>Clicks snap to the vertices and segments of visible features</source>
        <translation>点击时捕捉到可见要素的顶点和线段</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="555"/>
        <source>Snap</source>
        <translation>捕捉</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="566"/>
        <source>Drag a vertex; double-click a segment to add a vertex, a vertex to remove it</source>
        <translation>拖动顶点；双击线段添加顶点，双击顶点删除该顶点</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="574"/>
        <source>Length {0} m</source>
        <translation>长度 {0} 米</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="576"/>
        <source>area {0} m²</source>
        <translation>面积 {0} 平方米</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="886"/>
        <source>Delete {0} features</source>
        <translation>删除 {0} 个要素</translation>
    </message>
</context>
<context>
    <name>QtMapCanvas</name>
    <message>
        <location filename="../../ui/canvas/qt_map_canvas.py" line="930"/>
        <source>choose a layer to edit first (a vector layer)</source>
        <translation>请先选择要编辑的图层（矢量图层）</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/qt_map_canvas.py" line="933"/>
        <source>{layer} is a raster layer; choose a vector layer to edit</source>
        <translation>{layer} 是栅格图层；请选择矢量图层进行编辑</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/qt_map_canvas.py" line="952"/>
        <source>layer {layer} holds {kinds}; a {kind} cannot be added to it</source>
        <translation>图层 {layer} 包含的是 {kinds}，不能向其中添加 {kind}</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/qt_map_canvas.py" line="988"/>
        <source>a polygon needs at least 3 corners</source>
        <translation>多边形至少需要 3 个顶点</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/qt_map_canvas.py" line="992"/>
        <source>the polygon is not valid ({reason}); it was not added</source>
        <translation>多边形无效（{reason}），未添加</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/qt_map_canvas.py" line="1007"/>
        <source>the new shape of {feature} is not valid ({reason}); the feature was left as it was</source>
        <translation>{feature} 的新形状无效（{reason}），要素保持不变</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/qt_tools.py" line="89"/>
        <source>unexpected error: {error}</source>
        <translation>意外错误：{error}</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/qt_map_canvas.py" line="615"/>
        <source>N</source>
        <translation>北</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/qt_map_canvas.py" line="1168"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/qt_map_canvas.py" line="1169"/>
        <source>Class</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/qt_map_canvas.py" line="1170"/>
        <source>Hazard</source>
        <translation>灾害</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/qt_map_canvas.py" line="1171"/>
        <source>Population</source>
        <translation>人口</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/qt_map_canvas.py" line="1172"/>
        <source>Households</source>
        <translation>户数</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/qt_map_canvas.py" line="1173"/>
        <source>Capacity</source>
        <translation>容量</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/qt_map_canvas.py" line="1174"/>
        <source>Effective area (m²)</source>
        <translation>有效面积（平方米）</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/qt_map_canvas.py" line="1175"/>
        <source>Area (m²)</source>
        <translation>面积（平方米）</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/qt_map_canvas.py" line="1176"/>
        <source>Height (m)</source>
        <translation>高度（米）</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/qt_map_canvas.py" line="1177"/>
        <source>Floors</source>
        <translation>层数</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/qt_map_canvas.py" line="1178"/>
        <source>Voltage (kV)</source>
        <translation>电压（千伏）</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/qt_map_canvas.py" line="1179"/>
        <source>Width (m)</source>
        <translation>宽度（米）</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/qt_map_canvas.py" line="678"/>
        <source>Base map: {file} has no coordinate reference system</source>
        <translation>底图：{file} 没有坐标参考系</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/qt_map_canvas.py" line="679"/>
        <source>Base map: {file} cannot be read ({detail})</source>
        <translation>底图：无法读取 {file}（{detail}）</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/qt_map_canvas.py" line="680"/>
        <source>Base map: Tianditu needs your key (View &gt; Base map &gt; Tianditu); get one at console.tianditu.gov.cn</source>
        <translation>底图：天地图需要您的密钥（视图 &gt; 底图 &gt; 天地图），可在 console.tianditu.gov.cn 申请</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/qt_map_canvas.py" line="684"/>
        <source>Base map: no tiles from {host} ({detail}); the map works on without them</source>
        <translation>底图：无法从 {host} 获取瓦片（{detail}）；地图照常使用，不显示底图</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/qt_tools.py" line="447"/>
        <source>{feature} has too few vertices</source>
        <translation>{feature} 的顶点太少，不能再删除</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/qt_tools.py" line="450"/>
        <source>Remove vertex</source>
        <translation>删除顶点</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/qt_tools.py" line="455"/>
        <source>Add vertex</source>
        <translation>添加顶点</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/qt_tools.py" line="659"/>
        <source>a line needs at least 2 distinct points</source>
        <translation>线至少需要 2 个不同的点</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/qt_tools.py" line="668"/>
        <source>Add line</source>
        <translation>添加线</translation>
    </message>
</context>
<context>
    <name>QtNewOsmDialog</name>
    <message>
        <location filename="../../ui/dialogs/qt_new_osm_dialog.py" line="174"/>
        <source>New plan from OpenStreetMap</source>
        <translation>从 OpenStreetMap 新建规划</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_new_osm_dialog.py" line="184"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_new_osm_dialog.py" line="196"/>
        <source>.osm.pbf or .osm file</source>
        <translation>.osm.pbf 或 .osm 文件</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_new_osm_dialog.py" line="687"/>
        <source>OpenStreetMap extract</source>
        <translation>OpenStreetMap 数据</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_new_osm_dialog.py" line="200"/>
        <source>Box W,S,E,N (degrees)</source>
        <translation>范围 西,南,东,北（度）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_new_osm_dialog.py" line="201"/>
        <source>Boundary file</source>
        <translation>边界文件</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_new_osm_dialog.py" line="212"/>
        <source>Use the map&apos;s view</source>
        <translation>采用地图当前视图</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_new_osm_dialog.py" line="216"/>
        <source>Open a plan to take the box from its map</source>
        <translation>打开一个规划后，可从其地图取范围</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_new_osm_dialog.py" line="224"/>
        <source>polygons in any CRS</source>
        <translation>面要素，任意坐标系</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_new_osm_dialog.py" line="241"/>
        <source>optional: estimated from the buildings</source>
        <translation>可选；不填则按建筑估算</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_new_osm_dialog.py" line="242"/>
        <source>A population grid (polygons or points with a population field) or raster (GeoTIFF), in any CRS. Without it, residents are estimated from the buildings.</source>
        <translation>人口格网（带人口字段的面或点）或人口栅格（GeoTIFF），任意坐标系。不提供时按建筑估算居民。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_new_osm_dialog.py" line="248"/>
        <source>Population</source>
        <translation>人口</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_new_osm_dialog.py" line="252"/>
        <source>the .gpkg file to create</source>
        <translation>要创建的 .gpkg 文件</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_new_osm_dialog.py" line="368"/>
        <source>Plan file</source>
        <translation>规划文件</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_new_osm_dialog.py" line="261"/>
        <source>Layer</source>
        <translation>图层</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_new_osm_dialog.py" line="261"/>
        <source>Role</source>
        <translation>图层角色</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_new_osm_dialog.py" line="261"/>
        <source>Features</source>
        <translation>要素数</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_new_osm_dialog.py" line="277"/>
        <source>Notes and warnings of the build</source>
        <translation>生成过程的提示与警告</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_new_osm_dialog.py" line="294"/>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_new_osm_dialog.py" line="296"/>
        <source>Create</source>
        <translation>创建</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_new_osm_dialog.py" line="299"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_new_osm_dialog.py" line="302"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_new_osm_dialog.py" line="333"/>
        <source>All files</source>
        <translation>所有文件</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_new_osm_dialog.py" line="341"/>
        <source>Choose an OpenStreetMap extract</source>
        <translation>选择 OpenStreetMap 数据</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_new_osm_dialog.py" line="341"/>
        <source>OpenStreetMap extracts</source>
        <translation>OpenStreetMap 数据</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_new_osm_dialog.py" line="350"/>
        <source>Choose the boundary</source>
        <translation>选择边界</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_new_osm_dialog.py" line="350"/>
        <source>GIS files</source>
        <translation>GIS 文件</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_new_osm_dialog.py" line="358"/>
        <source>Choose a population grid or raster</source>
        <translation>选择人口格网或人口栅格</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_new_osm_dialog.py" line="358"/>
        <source>Population grids and rasters</source>
        <translation>人口格网与栅格</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_new_osm_dialog.py" line="368"/>
        <source>New plan file</source>
        <translation>新规划文件</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_new_osm_dialog.py" line="432"/>
        <source>Choose the OpenStreetMap extract (.osm.pbf or .osm).</source>
        <translation>请选择 OpenStreetMap 数据（.osm.pbf 或 .osm）。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_new_osm_dialog.py" line="437"/>
        <source>Give the area as a box W,S,E,N in degrees, or choose a boundary file.</source>
        <translation>请以“西,南,东,北”（度）给出范围，或选择边界文件。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_new_osm_dialog.py" line="443"/>
        <source>The box '{0}' is not four numbers W,S,E,N in degrees (WGS 84) with west &lt; east and south &lt; north — e.g. 24.935,60.164,24.953,60.179.</source>
        <translation>范围“{0}”不是以度（WGS 84）表示的四个数 西,南,东,北，且须西 &lt; 东、南 &lt; 北——例如 24.935,60.164,24.953,60.179。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_new_osm_dialog.py" line="457"/>
        <source>Choose the boundary file, or give the area as a box.</source>
        <translation>请选择边界文件，或以范围给出区域。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_new_osm_dialog.py" line="475"/>
        <source>Choose the plan file to create (.gpkg).</source>
        <translation>请选择要创建的规划文件（.gpkg）。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_new_osm_dialog.py" line="478"/>
        <source>The plan file must end in .gpkg: {0}</source>
        <translation>规划文件须以 .gpkg 结尾：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_new_osm_dialog.py" line="480"/>
        <source>The plan file is a folder: {0}</source>
        <translation>规划文件是一个文件夹：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_new_osm_dialog.py" line="482"/>
        <source>The folder of the plan file does not exist: {0}</source>
        <translation>规划文件所在的文件夹不存在：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_new_osm_dialog.py" line="489"/>
        <source>The plan file would replace an input: {0}. Choose another name.</source>
        <translation>规划文件会覆盖一个输入文件：{0}。请另选文件名。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_new_osm_dialog.py" line="499"/>
        <source>{0} is the plan open in the window. Choose another name for the new plan.</source>
        <translation>{0} 是窗口中已打开的规划。请为新规划另选文件名。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_new_osm_dialog.py" line="532"/>
        <source>Replace the plan file?</source>
        <translation>替换规划文件？</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_new_osm_dialog.py" line="532"/>
        <source>{0} exists. Replace it with the new plan?</source>
        <translation>{0} 已存在。用新规划替换它吗？</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_new_osm_dialog.py" line="575"/>
        <source>Building the plan…</source>
        <translation>正在生成规划…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_new_osm_dialog.py" line="628"/>
        <source>Cancelled: nothing was written.</source>
        <translation>已取消：未写入任何文件。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_new_osm_dialog.py" line="628"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_new_osm_dialog.py" line="635"/>
        <source>residents from the population raster</source>
        <translation>居民取自人口栅格</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_new_osm_dialog.py" line="637"/>
        <source>{0} residents, estimated from the buildings</source>
        <translation>居民 {0} 人（按建筑估算）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_new_osm_dialog.py" line="641"/>
        <source>{0} residents</source>
        <translation>居民 {0} 人</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_new_osm_dialog.py" line="642"/>
        <source>{name}: {count} layers in {crs}; {who}.</source>
        <translation>{name}：{count} 个图层，坐标系 {crs}；{who}。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_new_osm_dialog.py" line="657"/>
        <source>raster</source>
        <translation>栅格</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_new_osm_dialog.py" line="668"/>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_new_osm_dialog.py" line="669"/>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_new_osm_dialog.py" line="670"/>
        <source>Note</source>
        <translation>提示</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_new_osm_dialog.py" line="678"/>
        <source>None.</source>
        <translation>无。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_new_osm_dialog.py" line="205"/>
        <source>Drawn on the map</source>
        <translation>在地图上绘制</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_new_osm_dialog.py" line="420"/>
        <source>none drawn yet</source>
        <translation>尚未绘制</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_new_osm_dialog.py" line="231"/>
        <source>Draw…</source>
        <translation>绘制…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_new_osm_dialog.py" line="232"/>
        <source>Draw the boundary on the extract&apos;s streets (choose the extract first)</source>
        <translation>在数据摘录的街道图上绘制边界（请先选择摘录文件）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_new_osm_dialog.py" line="396"/>
        <source>Choose the OpenStreetMap extract first: it is drawn on.</source>
        <translation>请先选择 OpenStreetMap 数据摘录：边界将绘制在其上。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_new_osm_dialog.py" line="413"/>
        <source>{0} corners, {1:.2f} km²</source>
        <translation>{0} 个拐点，{1:.2f} km²</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_new_osm_dialog.py" line="451"/>
        <source>Draw the boundary on the map (Draw…), or give the area as a box.</source>
        <translation>请在地图上绘制边界（绘制…），或以范围框给出区域。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_new_osm_dialog.py" line="684"/>
        <source>box or boundary</source>
        <translation>范围框或边界</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_new_osm_dialog.py" line="685"/>
        <source>the population field</source>
        <translation>人口字段</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_new_osm_dialog.py" line="686"/>
        <source>a population file</source>
        <translation>人口文件</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_new_osm_dialog.py" line="688"/>
        <source>box</source>
        <translation>范围框</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_new_osm_dialog.py" line="689"/>
        <source>boundary</source>
        <translation>边界</translation>
    </message>
</context>
<context>
    <name>QtPlanFiles</name>
    <message>
        <location filename="../../ui/qt_plan_files.py" line="39"/>
        <source>Open plan</source>
        <translation>打开规划</translation>
    </message>
    <message>
        <location filename="../../ui/qt_plan_files.py" line="39"/>
        <source>Plans (*.toml *.gpkg);;Plan spec (*.toml);;Plan file (*.gpkg)</source>
        <translation>规划 (*.toml *.gpkg);;规划说明 (*.toml);;规划文件 (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../../ui/qt_plan_files.py" line="75"/>
        <source>Cannot open the plan</source>
        <translation>无法打开规划</translation>
    </message>
    <message>
        <location filename="../../ui/qt_plan_files.py" line="75"/>
        <source>No layer of the plan could be read.</source>
        <translation>规划中没有可读取的图层。</translation>
    </message>
    <message>
        <location filename="../../ui/qt_plan_files.py" line="82"/>
        <source>Some layers were left out</source>
        <translation>部分图层未载入</translation>
    </message>
    <message>
        <location filename="../../ui/qt_plan_files.py" line="82"/>
        <source>{0} problems stop some layers from loading; the plan opens without them, and Save will ask for a new file.</source>
        <translation>有 {0} 个问题使部分图层无法载入；规划将不含这些图层打开，保存时会要求另存为新文件。</translation>
    </message>
    <message>
        <location filename="../../ui/qt_plan_files.py" line="106"/>
        <source>New plan</source>
        <translation>新建规划</translation>
    </message>
    <message>
        <location filename="../../ui/qt_plan_files.py" line="106"/>
        <source>Plan name:</source>
        <translation>规划名称：</translation>
    </message>
    <message>
        <location filename="../../ui/qt_plan_files.py" line="139"/>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <location filename="../../ui/qt_plan_files.py" line="139"/>
        <source>The plan “{0}” has changes that are not saved. Save them?</source>
        <translation>规划“{0}”有未保存的更改。是否保存？</translation>
    </message>
    <message>
        <location filename="../../ui/qt_plan_files.py" line="164"/>
        <source>Save plan as</source>
        <translation>规划另存为</translation>
    </message>
    <message>
        <location filename="../../ui/qt_plan_files.py" line="164"/>
        <source>Plan file (*.gpkg)</source>
        <translation>规划文件 (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../../ui/qt_plan_files.py" line="186"/>
        <source>The plan was not saved</source>
        <translation>规划未能保存</translation>
    </message>
    <message>
        <location filename="../../ui/qt_plan_files.py" line="193"/>
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/qt_plan_files.py" line="206"/>
        <source>Autosave failed: {0}</source>
        <translation>自动保存失败：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/qt_plan_files.py" line="213"/>
        <source>Recover unsaved changes?</source>
        <translation>恢复未保存的更改？</translation>
    </message>
    <message>
        <location filename="../../ui/qt_plan_files.py" line="213"/>
        <source>SpacePlanner did not close cleanly. Unsaved changes to “{0}” from {1} were kept. Recover them?</source>
        <translation>SpacePlanner 上次未正常关闭。已保留“{0}”于 {1} 的未保存更改。是否恢复？</translation>
    </message>
    <message>
        <location filename="../../ui/qt_plan_files.py" line="230"/>
        <source>Cannot recover the plan</source>
        <translation>无法恢复规划</translation>
    </message>
</context>
<context>
    <name>QtSheetViewer</name>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="128"/>
        <source>Map sheet preview</source>
        <translation>地图图幅预览</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="132"/>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="134"/>
        <source>100 %</source>
        <translation>100 %</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="136"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="139"/>
        <source>Wheel: zoom · drag: pan</source>
        <translation>滚轮：缩放 · 拖动：平移</translation>
    </message>
</context>
<context>
    <name>QtStartPage</name>
    <message>
        <location filename="../../ui/panels/qt_start_page.py" line="83"/>
        <source>SpacePlanner</source>
        <translation>SpacePlanner</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_start_page.py" line="88"/>
        <source>Plan resilient public space: shelters with room for everyone, activity space and daily facilities within walking distance.</source>
        <translation>规划韧性公共空间：避难场所容得下每一位居民，活动空间与日常设施步行可达。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_start_page.py" line="96"/>
        <source>Version {0}</source>
        <translation>版本 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_start_page.py" line="104"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_start_page.py" line="106"/>
        <source>Open a plan…</source>
        <translation>打开规划…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_start_page.py" line="107"/>
        <source>A plan spec (.toml) or a plan file (.gpkg)</source>
        <translation>规划说明（.toml）或规划文件（.gpkg）</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_start_page.py" line="108"/>
        <source>New plan from files…</source>
        <translation>从文件新建规划…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_start_page.py" line="109"/>
        <source>Start a plan from Shapefiles, GeoJSON, GeoPackage, CSV or rasters</source>
        <translation>从 Shapefile、GeoJSON、GeoPackage、CSV 或栅格数据新建规划</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_start_page.py" line="117"/>
        <source>Sample maps</source>
        <translation>示例地图</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_start_page.py" line="137"/>
        <source>Recent plans</source>
        <translation>最近的规划</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_start_page.py" line="149"/>
        <source>No recent plans yet.</source>
        <translation>暂无最近打开的规划。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_start_page.py" line="128"/>
        <source>Open sample</source>
        <translation>打开示例</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_start_page.py" line="129"/>
        <source>Open the sample map chosen in the list</source>
        <translation>打开列表中选中的示例地图</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_start_page.py" line="143"/>
        <source>Open recent plan</source>
        <translation>打开最近的规划</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_start_page.py" line="144"/>
        <source>Open the plan chosen in the list</source>
        <translation>打开列表中选中的规划</translation>
    </message>
</context>
<context>
    <name>QtStyleDialog</name>
    <message>
        <location filename="../../ui/dialogs/qt_style_dialog.py" line="215"/>
        <source>Layer style</source>
        <translation>图层样式</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_style_dialog.py" line="223"/>
        <source>No fill</source>
        <translation>无填充</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_style_dialog.py" line="230"/>
        <source>Fill colour:</source>
        <translation>填充颜色：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_style_dialog.py" line="233"/>
        <source>Line colour:</source>
        <translation>线条颜色：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_style_dialog.py" line="240"/>
        <source>Line width:</source>
        <translation>线宽：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_style_dialog.py" line="245"/>
        <source>Opacity:</source>
        <translation>不透明度：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_style_dialog.py" line="252"/>
        <source>Symbol size:</source>
        <translation>符号大小：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_style_dialog.py" line="331"/>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_style_dialog.py" line="343"/>
        <source>Fill colour</source>
        <translation>填充颜色</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_style_dialog.py" line="350"/>
        <source>Line colour</source>
        <translation>线条颜色</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_style_dialog.py" line="257"/>
        <source>One colour</source>
        <translation>单一颜色</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_style_dialog.py" line="262"/>
        <source>Categories (a colour per value)</source>
        <translation>分类（每个值一种颜色）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_style_dialog.py" line="263"/>
        <source>Graduated (classes of a number)</source>
        <translation>分级（按数值分级）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_style_dialog.py" line="275"/>
        <source>Colour by:</source>
        <translation>着色字段：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_style_dialog.py" line="276"/>
        <source>Classes:</source>
        <translation>分类方式：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_style_dialog.py" line="277"/>
        <source>Number of classes:</source>
        <translation>分级数：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_style_dialog.py" line="278"/>
        <source>Show the features&apos; names on the map</source>
        <translation>在地图上显示要素名称</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_style_dialog.py" line="280"/>
        <source>Labels:</source>
        <translation>标注：</translation>
    </message>
</context>
<context>
    <name>QtSuggestDialog</name>
    <message>
        <location filename="../../ui/dialogs/qt_suggest_dialog.py" line="127"/>
        <source>Suggest sites</source>
        <translation>选址建议</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_suggest_dialog.py" line="136"/>
        <source>Emergency shelters (capacity)</source>
        <translation>应急避难场所（按容量）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_suggest_dialog.py" line="139"/>
        <source>Activity space, {circle} circle</source>
        <translation>活动空间，{circle} 生活圈</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_suggest_dialog.py" line="144"/>
        <source>Facility: {kind}</source>
        <translation>设施：{kind}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_suggest_dialog.py" line="148"/>
        <source>Suggest for</source>
        <translation>建议对象</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_suggest_dialog.py" line="150"/>
        <source>Candidates</source>
        <translation>备选场地</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_suggest_dialog.py" line="154"/>
        <source>Add</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_suggest_dialog.py" line="158"/>
        <source>Reach</source>
        <translation>达到</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_suggest_dialog.py" line="170"/>
        <source>sites</source>
        <translation>处</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_suggest_dialog.py" line="175"/>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_suggest_dialog.py" line="180"/>
        <source>Time limit</source>
        <translation>时间限制</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_suggest_dialog.py" line="187"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_suggest_dialog.py" line="187"/>
        <source>Site</source>
        <translation>场地</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_suggest_dialog.py" line="187"/>
        <source>Adds</source>
        <translation>增加</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_suggest_dialog.py" line="187"/>
        <source>Why</source>
        <translation>理由</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_suggest_dialog.py" line="206"/>
        <source>Suggest</source>
        <translation>给出建议</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_suggest_dialog.py" line="209"/>
        <source>Add to plan</source>
        <translation>加入规划</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_suggest_dialog.py" line="212"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_suggest_dialog.py" line="215"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_suggest_dialog.py" line="232"/>
        <source>Open ground (activity spaces, open parcels)</source>
        <translation>空地（活动空间、空置地块）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_suggest_dialog.py" line="268"/>
        <source>Looking for the best sites…</source>
        <translation>正在寻找最佳场地…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_suggest_dialog.py" line="285"/>
        <source>The sites were not added</source>
        <translation>未能加入场地</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_suggest_dialog.py" line="291"/>
        <source>Added {count} sites to the plan (Undo takes them back).</source>
        <translation>已将 {count} 处场地加入规划（撤销可取回）。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_suggest_dialog.py" line="330"/>
        <source>No suggestion</source>
        <translation>无法给出建议</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_suggest_dialog.py" line="334"/>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_suggest_dialog.py" line="339"/>
        <source>sheltered</source>
        <translation>可避难</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_suggest_dialog.py" line="339"/>
        <source>covered</source>
        <translation>被覆盖</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_suggest_dialog.py" line="340"/>
        <source>optimal</source>
        <translation>最优</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_suggest_dialog.py" line="340"/>
        <source>best found (gap {gap})</source>
        <translation>当前最佳（差距 {gap}）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_suggest_dialog.py" line="348"/>
        <source>{before} → {after} persons {what} ({b} → {a}) with {n} sites; {quality}.</source>
        <translation>新增 {n} 处场地：{what}人数 {before} → {after}（{b} → {a}）；{quality}。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_suggest_dialog.py" line="372"/>
        <source>{count} of {total} candidates excluded (hover for why).</source>
        <translation>{total} 处备选中排除 {count} 处（悬停查看原因）。</translation>
    </message>
</context>
<context>
    <name>QtViolationsPanel</name>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="620"/>
        <source>No plan open.</source>
        <translation>未打开规划。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="623"/>
        <source>Not evaluated yet.</source>
        <translation>尚未评估。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="646"/>
        <source>{count} siting violations ({counts}). Click one to show it.</source>
        <translation>{count} 个选址问题（{counts}）。点击可在地图上查看。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="655"/>
        <source>Principle</source>
        <translation>原则</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="655"/>
        <source>Site</source>
        <translation>场地</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="655"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="655"/>
        <source>Capacity removed</source>
        <translation>扣减容量</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="665"/>
        <source>Shelter capacity (persons) this principle removed from the site</source>
        <translation>该原则从此场地扣减的避难容量（人）</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="680"/>
        <source>{value} persons</source>
        <translation>{value} 人</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="686"/>
        <source>{principle} · rule {rule}
Site: {site} (layer {layer}, id {id})
Measured {measured}, required {required}
{message}
Source: {source}</source>
        <translation>{principle} · 规则 {rule}
场地：{site}（图层 {layer}，编号 {id}）
实测 {measured}，要求 {required}
{message}
依据：{source}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="626"/>
        <source>Nothing to check: the plan has no shelters, dual-use spaces or sensitive facilities for 避, 防 and 让.</source>
        <translation>无可检查对象：规划中没有需按避、防、让检查的避难场所、平急两用空间或敏感设施。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="634"/>
        <source>No siting violations: all {count} sites pass 避, 防 and 让.</source>
        <translation>没有选址违规：全部 {count} 处场地均满足避、防、让。</translation>
    </message>
</context>
<context>
    <name>Steps</name>
    <message>
        <location filename="../../ui/qt_steps.py" line="17"/>
        <source>Walking network and residents</source>
        <translation>步行网络与居民</translation>
    </message>
    <message>
        <location filename="../../ui/qt_steps.py" line="18"/>
        <source>Shelters</source>
        <translation>避难场所</translation>
    </message>
    <message>
        <location filename="../../ui/qt_steps.py" line="19"/>
        <source>Activity spaces</source>
        <translation>活动空间</translation>
    </message>
    <message>
        <location filename="../../ui/qt_steps.py" line="20"/>
        <source>Facilities</source>
        <translation>设施</translation>
    </message>
    <message>
        <location filename="../../ui/qt_steps.py" line="21"/>
        <source>Gap and service areas</source>
        <translation>服务盲区与服务范围</translation>
    </message>
    <message>
        <location filename="../../ui/qt_steps.py" line="22"/>
        <source>Evaluating</source>
        <translation>评估</translation>
    </message>
    <message>
        <location filename="../../ui/qt_steps.py" line="23"/>
        <source>Writing the files</source>
        <translation>写出文件</translation>
    </message>
    <message>
        <location filename="../../ui/qt_steps.py" line="24"/>
        <source>Drawing the map sheet</source>
        <translation>绘制图纸</translation>
    </message>
    <message>
        <location filename="../../ui/qt_steps.py" line="25"/>
        <source>Moving the files into place</source>
        <translation>移动文件到目标位置</translation>
    </message>
    <message>
        <location filename="../../ui/qt_steps.py" line="26"/>
        <source>Suggesting sites</source>
        <translation>推荐选址</translation>
    </message>
    <message>
        <location filename="../../ui/qt_steps.py" line="32"/>
        <source>Reading the candidates</source>
        <translation>读取备选场地</translation>
    </message>
    <message>
        <location filename="../../ui/qt_steps.py" line="33"/>
        <source>Checks and distances</source>
        <translation>选址检查与距离</translation>
    </message>
    <message>
        <location filename="../../ui/qt_steps.py" line="34"/>
        <source>Solving</source>
        <translation>求解</translation>
    </message>
    <message>
        <location filename="../../ui/qt_steps.py" line="35"/>
        <source>Ranking the sites</source>
        <translation>场地排序</translation>
    </message>
    <message>
        <location filename="../../ui/qt_steps.py" line="36"/>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <location filename="../../ui/qt_steps.py" line="27"/>
        <source>Communities</source>
        <translation>社区</translation>
    </message>
    <message>
        <location filename="../../ui/qt_steps.py" line="28"/>
        <source>Reading the extract</source>
        <translation>读取 OSM 数据</translation>
    </message>
    <message>
        <location filename="../../ui/qt_steps.py" line="29"/>
        <source>Sorting the map into layers</source>
        <translation>按图层整理地图</translation>
    </message>
    <message>
        <location filename="../../ui/qt_steps.py" line="30"/>
        <source>Residents</source>
        <translation>居民</translation>
    </message>
    <message>
        <location filename="../../ui/qt_steps.py" line="31"/>
        <source>Checking the layers</source>
        <translation>检查图层</translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message>
        <location filename="../../ui/dialogs/qt_add_layer_dialog.py" line="76"/>
        <source>persons</source>
        <translation>人</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_add_layer_dialog.py" line="77"/>
        <source>households</source>
        <translation>户</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_add_layer_dialog.py" line="78"/>
        <source>floors</source>
        <translation>层</translation>
    </message>
</context>
</TS>
