<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>@default</name>
    <message>
        <location filename="../profiles/cn-community.toml" line="9"/>
        <source>China: complete community (完整居住社区建设标准) and urban health check (城市体检), on GB 50180-2018 / GB 55014-2021 / GB 50413</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-community.toml" line="17"/>
        <source>完整居住社区建设标准（试行）(建科规〔2020〕7号 annex): 社区综合服务站 in the 5-minute circle (300 m, GB 50180-2018 §3.0.4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-community.toml" line="18"/>
        <source>完整居住社区建设标准（试行）: one 社区综合服务站 (≈800 m² floor area) per complete community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-community.toml" line="21"/>
        <source>完整居住社区建设标准（试行）: 幼儿园 in the 5-minute circle (300 m, GB 50180-2018 §3.0.4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-community.toml" line="22"/>
        <source>完整居住社区建设标准（试行）: one 幼儿园 (≥ 6 classes) per complete community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-community.toml" line="25"/>
        <source>完整居住社区建设标准（试行）: 托育点 in the 5-minute circle (300 m, GB 50180-2018 §3.0.4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-community.toml" line="26"/>
        <source>完整居住社区建设标准（试行）: one 托育点 (≥ 200 m²) per complete community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-community.toml" line="29"/>
        <source>完整居住社区建设标准（试行）: 老年服务站 in the 5-minute circle (300 m, GB 50180-2018 §3.0.4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-community.toml" line="30"/>
        <source>完整居住社区建设标准（试行）: one 老年服务站 (day care ≥ 350 m² where possible) per complete community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-community.toml" line="33"/>
        <source>完整居住社区建设标准（试行）: 社区卫生服务站 in the 5-minute circle (300 m, GB 50180-2018 §3.0.4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-community.toml" line="34"/>
        <source>完整居住社区建设标准（试行）: one 社区卫生服务站 (≥ 120 m²) per complete community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-community.toml" line="37"/>
        <source>完整居住社区建设标准（试行）: 综合超市 in the 5-minute circle (300 m, GB 50180-2018 §3.0.4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-community.toml" line="38"/>
        <source>完整居住社区建设标准（试行）: one 综合超市 (≥ 300 m²) per complete community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-community.toml" line="41"/>
        <source>完整居住社区建设标准（试行）: 快递设施 (express delivery point, parcel lockers) in the 5-minute circle (300 m, GB 50180-2018 §3.0.4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-community.toml" line="42"/>
        <source>完整居住社区建设标准（试行）: 邮件和快件寄递服务设施 in every complete community</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-community.toml" line="52"/>
        <source>GB 55014-2021 §2.1.3 (mandatory): 公园绿地服务半径覆盖率 not below 80 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-community.toml" line="55"/>
        <source>GB/T 50563-2010 (城市园林绿化评价标准), MOHURD 城市体检 2021: parks of 2000–5000 m² serve 300 m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-community.toml" line="56"/>
        <source>GB/T 50563-2010, MOHURD 城市体检 2021: 2000–5000 m² parks, 300 m service radius</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-community.toml" line="59"/>
        <source>GB/T 50563-2010, MOHURD 城市体检 2021: parks of ≥ 5000 m² serve 500 m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-community.toml" line="60"/>
        <source>GB/T 50563-2010, MOHURD 城市体检 2021: ≥ 5000 m² parks, 500 m service radius</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-community.toml" line="64"/>
        <source>SpacePlanner default: every resident within the 5-minute walk of a public activity site (the standard asks for ≥ 1 per community)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-community.toml" line="67"/>
        <source>完整居住社区建设标准（试行）: 公共活动场地, at least one of ≥ 150 m² (≥ 800 m² multi-sport where possible)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-community.toml" line="77"/>
        <source>完整居住社区建设标准（试行）: in the 5-minute circle (300 m, GB 50180-2018 §3.0.4)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-community.toml" line="73"/>
        <source>SpacePlanner default: every resident within the 5-minute walk of a 社区游园 (the standard asks for one per new community)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-community.toml" line="76"/>
        <source>完整居住社区建设标准（试行）: new communities have a 社区游园 of ≥ 4000 m² (GB 50180-2018 §4.0.4: 5-minute circle park ≥ 0.4 ha)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-community.toml" line="85"/>
        <source>GB 55014-2021 §2.1.4 (mandatory): public park green (公园绿地) not below 8.0 m²/person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-community.toml" line="89"/>
        <source>CJJ/T 85-2017 (城市绿地分类标准) G12: a community park (社区公园) is preferably over 1 ha; smaller parks are 游园</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-community.toml" line="90"/>
        <source>CJJ/T 85-2017 G11: parks over 10 ha are comprehensive parks (综合公园), not community parks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-community.toml" line="91"/>
        <source>GB 55014-2021 §2.1.4 (mandatory): community parks (社区公园) not below 3.0 m²/person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-community.toml" line="97"/>
        <source>建科〔2023〕75号 城市体检 indicator 人均避难场所有效避难面积 (no national pass line); SpacePlanner compares it with GB 50413-2007 §8.2.8's 1.0 m² per person of an emergency shelter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="6"/>
        <source>China: GB 50413 / GB 51143 / GB 21734 (shelters), GB 50180-2018 (life circles)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="10"/>
        <source>GB 50180-2018 §3.0.4: the 5-minute circle is a 300 m walk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="11"/>
        <source>SpacePlanner default: typical walking-route circuity of 1.2–1.4 in grid cities, used only without a network layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="12"/>
        <source>SpacePlanner default: a point farther from any walkable line is unreachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="13"/>
        <source>SpacePlanner default: the network within 20 m of a site&apos;s boundary reaches it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="14"/>
        <source>SpacePlanner default: half a typical block depth around the reachable network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="20"/>
        <source>GB 50413-2007 §8.2.10: emergency shelter service radius 500 m (≈10 min walk)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="21"/>
        <source>GB 50413-2007 §8.2.8: emergency shelter ≥ 1.0 m² effective area per person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="22"/>
        <source>GB 50413-2007 §8.2.9: emergency shelter ≥ 0.1 ha</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="40"/>
        <source>GB 50413-2007 §8.2.10: fixed shelter service radius 2–3 km (lower bound)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="26"/>
        <source>GB 50413-2007 §8.2.8: fixed shelter ≥ 2.0 m² effective area per person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="42"/>
        <source>GB 50413-2007 §8.2.9: fixed shelter ≥ 1 ha</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="31"/>
        <source>GB 51143-2015 per-phase table: short-term 2.0 m²/person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="36"/>
        <source>GB 51143-2015 per-phase table: mid-term 3.0 m²/person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="41"/>
        <source>GB 51143-2015 per-phase table: long-term 4.5 m²/person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="45"/>
        <source>GB 50413-2007 §8.2.10: service radius 2–3 km (upper bound, for central shelters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="46"/>
        <source>GB 50413-2007 §8.2.8: fixed shelter ≥ 2.0 m² per person (central shelters are fixed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="47"/>
        <source>GB 50413-2007 §8.2.9: central shelter ≥ 50 ha</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="50"/>
        <source>GB 50180-2018 §3.0.4: 5-minute life circle, 300 m walk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="51"/>
        <source>GB 50180-2018 §4.0.4: 5-minute circle park ≥ 0.4 ha</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="52"/>
        <source>GB 50180-2018 §4.0.4: 5-minute circle public green ≥ 1.0 m²/person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="55"/>
        <source>GB 50180-2018 §3.0.4: 10-minute life circle, 500 m walk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="56"/>
        <source>GB 50180-2018 §4.0.4: 10-minute circle park ≥ 1 ha</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="57"/>
        <source>GB 50180-2018 §4.0.4: 10-minute circle public green ≥ 1.0 m²/person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="60"/>
        <source>GB 50180-2018 §3.0.4: 15-minute life circle, 800–1000 m walk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="61"/>
        <source>GB 50180-2018 §4.0.4: 15-minute circle park ≥ 5 ha</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="62"/>
        <source>GB 50180-2018 §4.0.4: 15-minute circle public green ≥ 2.0 m²/person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="65"/>
        <source>GB 50180-2018 App. C: kindergarten, 300 m (H in the 1993 edition)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="67"/>
        <source>GB 50180-2018 App. C: nursery (托育), 300 m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="69"/>
        <source>GB 50180-2018 App. B: primary school, 500 m (H in the 1993 edition)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="71"/>
        <source>GB 50180-2018 App. B: junior middle school, 1000 m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="73"/>
        <source>GB 50180-2018 App. C: community health station, 300 m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="75"/>
        <source>GB 50180-2018 App. B: community health service centre, 1000 m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="77"/>
        <source>GB 50180-2018 App. C: elderly day care, 300 m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="79"/>
        <source>GB 50180-2018 App. C: community service station, 300 m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="81"/>
        <source>GB 50180-2018 App. B/C: food market, 500 m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="83"/>
        <source>GB 50180-2018 App. B/C: mid-size sports ground, 500 m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="85"/>
        <source>GB 50180-2018 App. B/C: cultural activity station, 500 m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="87"/>
        <source>GB 50180-2018 App. B: cultural activity centre (incl. reading rooms), 1000 m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="89"/>
        <source>GB 50180-2018 App. B: cultural activity centre, 1000 m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="95"/>
        <source>GB 21734-2008 §5.2.2 asks for flat, well-drained ground without a figure; SpacePlanner default 15 %</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="96"/>
        <source>GB 50352-2019 §3.1.2: buildings over 24 m (27 m residential) are high-rise; GB 21734-2008 §5.2.4 avoid their collapse range</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="97"/>
        <source>planning lecture notes: collapse (debris) zone about 1/2–2/3 of building height (upper bound)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="98"/>
        <source>SpacePlanner default: storey height used when only floors are given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="101"/>
        <source>GB 50156-2012 §4.0.4: tanks and dispensers ≥ 50 m from important public buildings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="102"/>
        <source>GB 50156-2012 §4.0.4 (as petrol stations; gas stations are covered by the same code)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="104"/>
        <source>GB 50413-2007 §8.2.7: ≥ 1000 m from major fire or explosion sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="105"/>
        <source>GB 50413-2007 §8.2.7: ≥ 30 m from ordinary secondary fire sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="106"/>
        <source>GB 50413-2007 §8.2.7: ≥ 30 m from ordinary secondary fire sources; industrial land of unknown use is taken as one (a plant storing hazardous chemicals is major_fire_explosion, 1000 m)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="107"/>
        <source>general code §4.1.2(4): long-distance oil/gas pipelines must not cross a shelter; 5 m each side as a SpacePlanner default band</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="112"/>
        <source>a city planning rule: 10 kV line, 5.75 m each side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="113"/>
        <source>a city planning rule: 35 kV line, 12 m each side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="114"/>
        <source>a city planning rule: 110 kV line, 12.5 m each side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="115"/>
        <source>a city planning rule: 220 kV line, 20 m each side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="116"/>
        <source>a city planning rule: 500 kV line, 32.5 m each side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="119"/>
        <source>general code §4.2.9: shelters have ≥ 2 entrances in different directions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="120"/>
        <source>general code §4.2.9: central shelters ≥ 4 main entrances in different directions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="121"/>
        <source>general code §4.2.9: long-term fixed shelters ≥ 4 main entrances in different directions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="124"/>
        <source>GB 50413-2007 §8.2.11: emergency evacuation road ≥ 4 m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="125"/>
        <source>GB 50413-2007 §8.2.11: main route to a fixed shelter ≥ 7 m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="126"/>
        <source>GB 50413-2007 §8.2.11: rescue trunk road ≥ 15 m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="135"/>
        <source>SpacePlanner default: every resident has a shelter place within the service radius (GB 50413-2007 §8.2 plans shelters for the whole population; no share is stated)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="136"/>
        <source>SpacePlanner default: shelter places for the whole population after the 避/防/让 checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="137"/>
        <source>SpacePlanner default: every resident within the life circle's walking distance of a park of its size (GB 50180-2018 §4.0.4 sets sizes, not a share)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/cn-gb.toml" line="138"/>
        <source>SpacePlanner default: every resident within the facility&apos;s service radius (GB 50180-2018 App. B/C set radii, not a share)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/japan.toml" line="5"/>
        <source>Japan: Tokyo wide-area evacuation sites, Shizuoka first evacuation sites</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/japan.toml" line="12"/>
        <source>Shizuoka Prefecture: first evacuation site within 1 km</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/japan.toml" line="13"/>
        <source>Shizuoka Prefecture: about 2 m² per person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/japan.toml" line="14"/>
        <source>no minimum site area in the Shizuoka guidance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/japan.toml" line="22"/>
        <source>Tokyo Metropolitan Government: wide-area evacuation site within a 3 km walk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/japan.toml" line="23"/>
        <source>Tokyo Metropolitan Government: ≥ 1 m² usable space per person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/japan.toml" line="24"/>
        <source>no minimum site area in the Tokyo criterion used here</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/sphere.toml" line="5"/>
        <source>Sphere Handbook (shelter) and WHO Europe (green space)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/sphere.toml" line="12"/>
        <source>SpacePlanner choice for Sphere: Sphere sets no walking radius; 1 km as Shizuoka&apos;s first evacuation site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/sphere.toml" line="13"/>
        <source>Sphere Handbook 2018, shelter and settlement standard 3: ≥ 3.5 m² covered living space per person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/sphere.toml" line="19"/>
        <source>Sphere Handbook 2018: no minimum site area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/sphere.toml" line="17"/>
        <source>as cn-gb fixed shelters (GB 50413-2007 §8.2.10)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/sphere.toml" line="18"/>
        <source>Sphere Handbook 2018, shelter and settlement standard 3: ≥ 3.5 m² per person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/sphere.toml" line="22"/>
        <source>WHO Europe 2016/2017: green space of 0.5–1 ha within 300 m</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/sphere.toml" line="23"/>
        <source>WHO Europe 2016/2017: at least 0.5 ha</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../profiles/sphere.toml" line="24"/>
        <source>as cn-gb (GB 50180-2018 §4.0.4); WHO Europe sets no per-capita figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../engine/siting.py" line="179"/>
        <source>HV line {layer}/{id}: voltage {voltage}; the widest band ({widest} kV) is used</source>
        <translation>高压线 {layer}/{id}：电压{voltage}；按最宽的防护带（{widest} kV）计</translation>
    </message>
    <message>
        <location filename="../engine/siting.py" line="179"/>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../engine/siting.py" line="196"/>
        <source>hazard source kind &apos;{kind}&apos; ({layer}/{id}) has no protective distance in profile &apos;{profile}&apos;: not checked (add siting.protective_distance_m.{kind})</source>
        <translation>危险源类型“{kind}”（{layer}/{id}）在规则配置“{profile}”中没有防护距离：未检查（请添加 siting.protective_distance_m.{kind}）</translation>
    </message>
    <message>
        <location filename="../engine/siting.py" line="283"/>
        <source>{share:.0%} of the site lies in the {hazard} zone ({layer}); the site is ineligible</source>
        <translation>场地的 {share:.0%} 位于{hazard}风险区内（{layer}）；该场地不可用</translation>
    </message>
    <message>
        <location filename="../engine/siting.py" line="283"/>
        <source>{share:.0%} of the site lies in the {hazard} zone ({layer}); that part is not counted</source>
        <translation>场地的 {share:.0%} 位于{hazard}风险区内（{layer}）；该部分不计入</translation>
    </message>
    <message>
        <location filename="../engine/siting.py" line="283"/>
        <source>GB 21734-2008 §5.2.1; general code §4.1.2</source>
        <translation>GB 21734-2008 第5.2.1条；通用规范第4.1.2条</translation>
    </message>
    <message>
        <location filename="../engine/siting.py" line="313"/>
        <source>{gap:.1f} m from building {id} ({height:g} m tall), inside its collapse range of {reach:.1f} m</source>
        <translation>距建筑 {id}（高 {height:g} 米）{gap:.1f} 米，位于其 {reach:.1f} 米倒塌范围内</translation>
    </message>
    <message>
        <location filename="../engine/siting.py" line="313"/>
        <source>GB 21734-2008 §5.2.4; {source}</source>
        <translation>GB 21734-2008 第5.2.4条；{source}</translation>
    </message>
    <message>
        <location filename="../engine/siting.py" line="339"/>
        <source>pipeline {id} crosses the site</source>
        <translation>管线 {id} 穿越场地</translation>
    </message>
    <message>
        <location filename="../engine/siting.py" line="339"/>
        <source>{gap:.1f} m from {kind} {id}, closer than {distance:g} m; the part inside is not counted</source>
        <translation>距{kind} {id} {gap:.1f} 米，小于防护距离 {distance:g} 米；范围内部分不计入</translation>
    </message>
    <message>
        <location filename="../engine/siting.py" line="376"/>
        <source>{area:,.0f} m² of buildings ({layer}) stand on the site; not counted</source>
        <translation>场地上有 {area:,.0f} m² 建筑（{layer}）；不计入</translation>
    </message>
    <message>
        <location filename="../engine/siting.py" line="376"/>
        <source>STANDARDS.md §5 让: shelter grounds and designated open space stay unbuilt</source>
        <translation>STANDARDS.md 第5节 让：避难场地和划定的开敞空间保持不建设</translation>
    </message>
    <message>
        <location filename="../engine/siting.py" line="480"/>
        <source>entrances from {sectors} side(s); {need:g} needed</source>
        <translation>出入口来自 {sectors} 个方向；要求 {need:g} 个</translation>
    </message>
    <message>
        <location filename="../engine/siting.py" line="483"/>
        <source>access routes from {sectors} side(s); {need:g} needed</source>
        <translation>进出通道来自 {sectors} 个方向；要求 {need:g} 个</translation>
    </message>
    <message>
        <location filename="../engine/siting.py" line="538"/>
        <source>buildings {ids} stand within the clear width of {need:g} m ({left:.1f} m left)</source>
        <translation>建筑 {ids} 位于 {need:g} 米有效宽度范围内（仅余 {left:.1f} 米）</translation>
    </message>
    <message>
        <location filename="../engine/siting.py" line="555"/>
        <source>within the collapse range of building {id} ({height:g} m tall)</source>
        <translation>位于建筑 {id}（高 {height:g} 米）的倒塌范围内</translation>
    </message>
    <message>
        <location filename="../engine/siting.py" line="555"/>
        <source>STANDARDS.md §1 collapse zone; {source}</source>
        <translation>STANDARDS.md 第1节 倒塌影响区；{source}</translation>
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
        <translation>火灾危险源</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="44"/>
        <source>industrial site</source>
        <translation>工业用地</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="45"/>
        <source>pipeline</source>
        <translation>管线</translation>
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
        <location filename="../cli.py" line="317"/>
        <source>choose another name or add --overwrite</source>
        <translation>请换一个名称，或加 --overwrite</translation>
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
        <location filename="../cli.py" line="385"/>
        <source>m²/person</source>
        <translation>m²/人</translation>
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
        <location filename="../engine/drag.py" line="180"/>
        <source>layer {name} has no live figures while a site is dragged</source>
        <translation>拖动场地时，图层 {name} 没有实时指标</translation>
    </message>
    <message>
        <location filename="../engine/drag.py" line="183"/>
        <source>drag a site of {roles}</source>
        <translation>请拖动{roles}中的场地</translation>
    </message>
    <message>
        <location filename="../engine/drag.py" line="190"/>
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
        <location filename="../results/indicators.py" line="78"/>
        <source>did you mean &apos;{guess}&apos;?</source>
        <translation>是否是指“{guess}”？</translation>
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
        <location filename="../feedback.py" line="36"/>
        <source>communities</source>
        <translation>社区</translation>
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
        <location filename="../outputs/exports.py" line="621"/>
        <source>unknown export format {names}</source>
        <translation>未知的导出格式 {names}</translation>
    </message>
    <message>
        <location filename="../outputs/exports.py" line="621"/>
        <source>no format chosen</source>
        <translation>未选择格式</translation>
    </message>
    <message>
        <location filename="../outputs/exports.py" line="626"/>
        <source>formats: {names}</source>
        <translation>可选格式：{names}</translation>
    </message>
    <message>
        <location filename="../outputs/exports.py" line="629"/>
        <source>unknown language &apos;{lang}&apos;</source>
        <translation>未知的语言“{lang}”</translation>
    </message>
    <message>
        <location filename="../outputs/exports.py" line="630"/>
        <source>use en or zh</source>
        <translation>请使用 en 或 zh</translation>
    </message>
    <message>
        <location filename="../outputs/exports.py" line="632"/>
        <source>shapefiles are written as UTF-8 or GBK, not &apos;{encoding}&apos;</source>
        <translation>Shapefile 只能以 UTF-8 或 GBK 编码写出，不能用“{encoding}”</translation>
    </message>
    <message>
        <location filename="../outputs/exports.py" line="635"/>
        <source>use utf-8 or gbk</source>
        <translation>请使用 utf-8 或 gbk</translation>
    </message>
    <message>
        <location filename="../outputs/exports.py" line="713"/>
        <source>nothing to export: no evaluation was given</source>
        <translation>没有可导出的内容：未提供评估结果</translation>
    </message>
    <message>
        <location filename="../outputs/exports.py" line="714"/>
        <source>evaluate the plan first</source>
        <translation>请先评估规划</translation>
    </message>
    <message>
        <location filename="../outputs/exports.py" line="731"/>
        <source>the evaluation given for {formats} lacks its gap layers: {layers}</source>
        <translation>为 {formats} 提供的评估结果缺少盲区图层：{layers}</translation>
    </message>
    <message>
        <location filename="../outputs/exports.py" line="734"/>
        <source>the evaluation given for {formats} lacks its gap layers: {layers} (stale)</source>
        <translation>为 {formats} 提供的评估结果缺少盲区图层：{layers}（已过期）</translation>
    </message>
    <message>
        <location filename="../outputs/exports.py" line="739"/>
        <source>evaluate with gaps=True (a full evaluation) before exporting maps or layers</source>
        <translation>导出地图或图层前，请以 gaps=True 进行完整评估</translation>
    </message>
    <message>
        <location filename="../outputs/exports.py" line="765"/>
        <source>the map sheet&apos;s indicator &apos;{name}&apos; was not evaluated</source>
        <translation>专题图所用指标“{name}”未经评估</translation>
    </message>
    <message>
        <location filename="../outputs/exports.py" line="768"/>
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
        <translation>灾时</translation>
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
        <translation>说明</translation>
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
        <location filename="../results/words.py" line="170"/>
        <source>protective distance from {kind}</source>
        <comment>rule</comment>
        <translation>{kind}防护距离</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="177"/>
        <source>all hazards</source>
        <comment>scenario</comment>
        <translation>全部灾害</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="201"/>
        <source>{items}, {item}</source>
        <comment>list</comment>
        <translation>{items}、{item}</translation>
    </message>
    <message>
        <location filename="../results/words.py" line="124"/>
        <source>persons</source>
        <comment>unit</comment>
        <translation>人</translation>
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
        <location filename="../../ui/panels/qt_compare_panel.py" line="54"/>
        <source>Keep as reference</source>
        <translation>设为参照</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_compare_panel.py" line="55"/>
        <source>Keep the figures shown now; later figures (after edits, or under another scenario or period) are compared with them</source>
        <translation>保留当前指标；之后的指标（编辑后，或换用其他情景、时期）将与其对比</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_compare_panel.py" line="62"/>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_compare_panel.py" line="79"/>
        <source>Show unchanged indicators</source>
        <translation>显示未变化的指标</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_compare_panel.py" line="83"/>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_compare_panel.py" line="83"/>
        <source>Reference</source>
        <translation>参照</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_compare_panel.py" line="83"/>
        <source>Now</source>
        <translation>当前</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_compare_panel.py" line="83"/>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_compare_panel.py" line="97"/>
        <source>Violations that appeared or went</source>
        <translation>新增或消除的违规</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_compare_panel.py" line="132"/>
        <source>No reference kept: press Keep as reference, then edit the plan or switch the scenario or period.</source>
        <translation>尚未设参照：请点击“设为参照”，然后编辑规划或切换情景、时期。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_compare_panel.py" line="141"/>
        <source>Reference kept at {0}: {1}, {2}</source>
        <translation>参照保存于 {0}：{1}，{2}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_compare_panel.py" line="170"/>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_compare_panel.py" line="170"/>
        <source>Gone</source>
        <translation>消除</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_compare_panel.py" line="181"/>
        <source>None.</source>
        <translation>无。</translation>
    </message>
</context>
<context>
    <name>QtDrawBoundaryDialog</name>
    <message>
        <location filename="../../ui/dialogs/qt_draw_boundary.py" line="156"/>
        <source>Draw the plan&apos;s boundary</source>
        <translation>绘制规划范围边界</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_draw_boundary.py" line="159"/>
        <source>Click the boundary&apos;s corners; double-click or Enter to finish. Backspace removes the last corner, Esc starts again. Wheel: zoom; right or middle button: pan.</source>
        <translation>依次点击边界的拐点；双击或按 Enter 完成。Backspace 删除上一个拐点，Esc 重新开始。滚轮：缩放；右键或中键拖动：平移。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_draw_boundary.py" line="180"/>
        <source>Start again</source>
        <translation>重新开始</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_draw_boundary.py" line="282"/>
        <source>A boundary needs three corners at least.</source>
        <translation>边界至少需要三个拐点。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_draw_boundary.py" line="286"/>
        <source>The boundary crosses itself: press Backspace or Esc and draw it again.</source>
        <translation>边界自相交：请按 Backspace 或 Esc 后重新绘制。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_draw_boundary.py" line="324"/>
        <source>{0} corners clicked</source>
        <translation>已点击 {0} 个拐点</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_draw_boundary.py" line="326"/>
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
        <location filename="../../ui/qt_worker.py" line="778"/>
        <source>Unexpected error during the evaluation: {error}. The details are in the log.</source>
        <translation>评估时发生意外错误：{error}。详情见日志。</translation>
    </message>
</context>
<context>
    <name>QtExportDialog</name>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="530"/>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="237"/>
        <source>Web map and report (HTML)</source>
        <translation>网页地图与报告（HTML）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="238"/>
        <source>Map sheet (PDF)</source>
        <translation>图纸（PDF）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="239"/>
        <source>Map sheet (PNG image)</source>
        <translation>图纸（PNG 图片）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="240"/>
        <source>Shapefiles</source>
        <translation>Shapefile</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="241"/>
        <source>GeoPackage</source>
        <translation>GeoPackage</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="242"/>
        <source>GeoJSON (WGS 84)</source>
        <translation>GeoJSON（WGS 84）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="243"/>
        <source>Report tables (CSV)</source>
        <translation>报告表格（CSV）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="248"/>
        <source>Formats</source>
        <translation>格式</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="271"/>
        <source>Attribute encoding of the Shapefiles; GBK for older Chinese GIS software</source>
        <translation>Shapefile 的属性编码；较旧的国产 GIS 软件请选 GBK</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="274"/>
        <source>Zip</source>
        <translation>压缩</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="275"/>
        <source>Put all Shapefiles into one .zip file</source>
        <translation>将所有 Shapefile 打包为一个 .zip 文件</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="276"/>
        <source>Shapefile encoding</source>
        <translation>Shapefile 编码</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="284"/>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="290"/>
        <source>Landscape</source>
        <translation>横向</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="291"/>
        <source>Portrait</source>
        <translation>纵向</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="296"/>
        <source>Map sheet paper:</source>
        <translation>图纸尺寸：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="297"/>
        <source>Orientation:</source>
        <translation>方向：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="319"/>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="320"/>
        <source>scenario {scenario} · period: {period}</source>
        <translation>情景：{scenario} · 时期：{period}</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="327"/>
        <source>Evaluates:</source>
        <translation>评估内容：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="329"/>
        <source>Output folder</source>
        <translation>输出文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="333"/>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="338"/>
        <source>Replace existing files without asking</source>
        <translation>直接覆盖已有文件，不再询问</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="342"/>
        <source>Press Preview to see the map sheet before writing the PDF.</source>
        <translation>点击“预览图纸”，在写出 PDF 前查看图纸。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="343"/>
        <source>Preview map sheet</source>
        <translation>预览图纸</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="367"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="369"/>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="492"/>
        <source>Choose at least one format.</source>
        <translation>请至少选择一种格式。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="495"/>
        <source>Choose an output folder.</source>
        <translation>请选择输出文件夹。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="505"/>
        <source>Replace existing files?</source>
        <translation>覆盖已有文件？</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="505"/>
        <source>{count} of the outputs already exist in {folder}:
{names}

Replace them?</source>
        <translation>{folder} 中已存在 {count} 个输出文件：
{names}

是否覆盖？</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="515"/>
        <source>Nothing was written: the existing files were kept.</source>
        <translation>未写出任何文件：已保留原有文件。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="549"/>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="581"/>
        <source>Drawing the preview…</source>
        <translation>正在绘制预览…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="589"/>
        <source>Cancelling: the export stops after its current step, and nothing is written.</source>
        <translation>正在取消：导出将在当前步骤完成后停止，不会写出任何文件。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="589"/>
        <source>Cancelling the preview…</source>
        <translation>正在取消预览…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="642"/>
        <source>Export to folder</source>
        <translation>导出到文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="658"/>
        <source>Preview of the map sheet ({paper}, {orientation}).</source>
        <translation>图纸预览（{paper}，{orientation}）。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="679"/>
        <source>Exported {count} files to {folder}.</source>
        <translation>已导出 {count} 个文件到 {folder}。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="674"/>
        <source>Open the web map in your browser?</source>
        <translation>在浏览器中打开网页地图？</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="674"/>
        <source>Open the folder?</source>
        <translation>打开文件夹？</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="679"/>
        <source>Export finished</source>
        <translation>导出完成</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="696"/>
        <source>Preview failed</source>
        <translation>预览失败</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="697"/>
        <source>The preview failed.</source>
        <translation>预览失败。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="699"/>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="700"/>
        <source>The export failed; nothing was written.</source>
        <translation>导出失败，未写出任何文件。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="706"/>
        <source>Export cancelled; nothing was written.</source>
        <translation>导出已取消，未写出任何文件。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="706"/>
        <source>Preview cancelled.</source>
        <translation>预览已取消。</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="244"/>
        <source>Report tables (Excel)</source>
        <translation>报告表格（Excel）</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="245"/>
        <source>QGIS project and GeoPackage</source>
        <translation>QGIS 工程与 GeoPackage</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="299"/>
        <source>The indicator whose service area and gaps the map sheet draws</source>
        <translation>地图图幅绘制其服务范围与缺口的指标</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="307"/>
        <source>as evaluated</source>
        <translation>按评估结果</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="312"/>
        <source>Map sheet shows:</source>
        <translation>图幅显示：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="317"/>
        <source>Title:</source>
        <translation>标题：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="318"/>
        <source>Subtitle:</source>
        <translation>副标题：</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="345"/>
        <source>Zoom…</source>
        <translation>放大查看…</translation>
    </message>
    <message>
        <location filename="../../ui/dialogs/qt_export_dialog.py" line="346"/>
        <source>The preview at full resolution (or double-click it)</source>
        <translation>以完整分辨率查看预览（或双击预览图）</translation>
    </message>
</context>
<context>
    <name>QtFeaturePanel</name>
    <message>
        <location filename="../../ui/panels/qt_feature_panel.py" line="67"/>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_feature_panel.py" line="67"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_feature_panel.py" line="79"/>
        <source>Edit attributes…</source>
        <translation>编辑属性…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_feature_panel.py" line="112"/>
        <source>Click a feature with the Select tool to see it here.</source>
        <translation>用“选择”工具点击要素，即可在此查看。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_feature_panel.py" line="131"/>
        <source>{0} · layer {1} · {2}</source>
        <translation>{0} · 图层 {1} · {2}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_feature_panel.py" line="140"/>
        <source>area (m²)</source>
        <translation>面积（m²）</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_feature_panel.py" line="124"/>
        <source>point</source>
        <translation>点</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_feature_panel.py" line="125"/>
        <source>points</source>
        <translation>多点</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_feature_panel.py" line="126"/>
        <source>line</source>
        <translation>线</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_feature_panel.py" line="127"/>
        <source>lines</source>
        <translation>多线</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_feature_panel.py" line="128"/>
        <source>polygon</source>
        <translation>面</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_feature_panel.py" line="129"/>
        <source>polygons</source>
        <translation>多面</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_feature_panel.py" line="165"/>
        <source>Shelter capacity (persons)</source>
        <translation>避难容量（人）</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_feature_panel.py" line="166"/>
        <source>Residents assigned</source>
        <translation>分配居民</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_feature_panel.py" line="167"/>
        <source>Spare capacity</source>
        <translation>剩余容量</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_feature_panel.py" line="168"/>
        <source>Residents within its radius</source>
        <translation>服务半径内居民</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_feature_panel.py" line="169"/>
        <source>Capacity from</source>
        <translation>容量依据</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_feature_panel.py" line="170"/>
        <source>Over capacity</source>
        <translation>超出容量</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_feature_panel.py" line="136"/>
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
        <location filename="../../ui/panels/qt_indicators_panel.py" line="226"/>
        <source>No plan open.</source>
        <translation>未打开规划。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="226"/>
        <source>Not evaluated yet. Press Evaluate to measure who can walk to a shelter, to activity space and to each kind of facility.</source>
        <translation>尚未评估。点击“评估”，测算哪些居民可步行到达避难场所、活动空间和各类设施。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="242"/>
        <source>Indicator</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="242"/>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="242"/>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="242"/>
        <source>Met</source>
        <translation>达标</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="245"/>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="249"/>
        <source>All periods</source>
        <translation>全部时期</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="254"/>
        <source>Live update: the figures follow your latest edit; the gap and service areas on the map are from the last full evaluation (stale). Press Evaluate to refresh.</source>
        <translation>实时更新：数值已随最近的编辑更新；地图上的服务盲区与服务范围仍来自上一次完整评估（已过时）。点击“评估”刷新。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="263"/>
        <source>network walking distances</source>
        <translation>路网步行距离</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="266"/>
        <source>straight-line distances × detour factor {factor}</source>
        <translation>直线距离 × 绕行系数 {factor}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="269"/>
        <source>{population} residents · {distance} · scenario: {scenario} · rules: {rules}</source>
        <translation>居民 {population} 人 · {distance} · 情景：{scenario} · 规则：{rules}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="278"/>
        <source> · period: {period}</source>
        <translation> · 时期：{period}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="294"/>
        <source>Notes:</source>
        <translation>说明：</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="313"/>
        <source>{group} — {met} of {total} met</source>
        <translation>{group} — {total} 项中 {met} 项达标</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="321"/>
        <source>Period: {period}</source>
        <translation>时期：{period}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="337"/>
        <source>{met} of {total} targets met</source>
        <translation>{total} 项指标中 {met} 项达标</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="371"/>
        <source>Source: {source}</source>
        <translation>依据：{source}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="371"/>
        <source>No standard cited: the target is room for every resident.</source>
        <translation>未引用标准：目标为每位居民都有避难容量。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="371"/>
        <source>No standard cited.</source>
        <translation>未引用标准。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="378"/>
        <source>{value}; target at least {target}</source>
        <translation>{value}；目标不低于 {target}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="403"/>
        <source>{value} persons</source>
        <translation>{value} 人</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="406"/>
        <source>{value} m²/person</source>
        <translation>{value} m²/人</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="291"/>
        <source>… and {count} more (hover to read them)</source>
        <translation>…… 另有 {count} 条（悬停查看）</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="313"/>
        <source>{group} — not assessed</source>
        <translation>{group} — 未评估</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="337"/>
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
        <location filename="../../ui/panels/qt_legend_panel.py" line="60"/>
        <source>Nothing is shown on the map.</source>
        <translation>地图上没有显示任何内容。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_legend_panel.py" line="75"/>
        <source>Suggested sites</source>
        <translation>建议场地</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_legend_panel.py" line="76"/>
        <source>Gap areas (out of reach)</source>
        <translation>服务盲区（服务范围以外）</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_legend_panel.py" line="77"/>
        <source>Residents not covered</source>
        <translation>未覆盖居民</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_legend_panel.py" line="78"/>
        <source>Shelter over capacity</source>
        <translation>超出容量的避难场所</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_legend_panel.py" line="79"/>
        <source>Service areas (within reach)</source>
        <translation>服务范围（可达范围内）</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_legend_panel.py" line="80"/>
        <source>Hazard zones</source>
        <translation>灾害风险区</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_legend_panel.py" line="88"/>
        <source>no value</source>
        <translation>无值</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_legend_panel.py" line="90"/>
        <source>other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_legend_panel.py" line="97"/>
        <source>Emergency shelter</source>
        <translation>紧急避难场所</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_legend_panel.py" line="98"/>
        <source>Fixed shelter</source>
        <translation>固定避难场所</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_legend_panel.py" line="99"/>
        <source>Short-term fixed shelter</source>
        <translation>短期固定避难场所</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_legend_panel.py" line="100"/>
        <source>Medium-term fixed shelter</source>
        <translation>中期固定避难场所</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_legend_panel.py" line="101"/>
        <source>Long-term fixed shelter</source>
        <translation>长期固定避难场所</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_legend_panel.py" line="102"/>
        <source>Central shelter</source>
        <translation>中心避难场所</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_legend_panel.py" line="124"/>
        <source>Evaluation results</source>
        <translation>评估结果</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_legend_panel.py" line="134"/>
        <source>Layers</source>
        <translation>图层</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_legend_panel.py" line="155"/>
        <source>Tianditu</source>
        <translation>天地图</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_legend_panel.py" line="157"/>
        <source>Base map: {0}</source>
        <translation>底图：{0}</translation>
    </message>
</context>
<context>
    <name>QtMainWindow</name>
    <message>
        <location filename="../../ui/qt_main_window.py" line="682"/>
        <source>SpacePlanner</source>
        <translation>SpacePlanner</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="131"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="157"/>
        <source>&amp;Open plan…</source>
        <translation>打开规划(&amp;O)…</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="158"/>
        <source>&amp;New plan from files…</source>
        <translation>从文件新建规划(&amp;N)…</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="162"/>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="163"/>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="166"/>
        <source>&amp;Export…</source>
        <translation>导出(&amp;E)…</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="170"/>
        <source>&amp;Close plan</source>
        <translation>关闭规划(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="171"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="654"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="655"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="175"/>
        <source>&amp;Attributes…</source>
        <translation>属性(&amp;A)…</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="175"/>
        <source>Edit the selected feature&apos;s attributes</source>
        <translation>编辑所选要素的属性</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="181"/>
        <source>&amp;Delete feature</source>
        <translation>删除要素(&amp;D)</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="181"/>
        <source>Delete the selected feature</source>
        <translation>删除所选要素</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="187"/>
        <source>&amp;Evaluate</source>
        <translation>评估(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="187"/>
        <source>Evaluate the plan with gap areas and service areas</source>
        <translation>评估规划（含服务盲区与服务范围）</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="194"/>
        <source>&amp;Cancel evaluation</source>
        <translation>取消评估(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="195"/>
        <source>Zoom to &amp;extent</source>
        <translation>缩放至全图(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="209"/>
        <source>Pan</source>
        <translation>平移</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="200"/>
        <source>Select and identify</source>
        <translation>选择与识别</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="201"/>
        <source>Move feature</source>
        <translation>移动要素</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="202"/>
        <source>Add point feature</source>
        <translation>添加点要素</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="213"/>
        <source>Draw polygon</source>
        <translation>绘制多边形</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="204"/>
        <source>Reshape polygon</source>
        <translation>重塑多边形</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="210"/>
        <source>Select</source>
        <translation>选择</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="211"/>
        <source>Move</source>
        <translation>移动</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="212"/>
        <source>Add point</source>
        <translation>加点</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="214"/>
        <source>Reshape</source>
        <translation>重塑</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="218"/>
        <source>Full extent</source>
        <translation>全图</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="219"/>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="220"/>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="221"/>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="222"/>
        <source>Attributes</source>
        <translation>属性</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="242"/>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="247"/>
        <source>Open &amp;sample map</source>
        <translation>打开示例地图(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="253"/>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="262"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="272"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="275"/>
        <source>Result &amp;overlays</source>
        <translation>结果图层(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="277"/>
        <source>&amp;Panels</source>
        <translation>面板(&amp;P)</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="285"/>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="288"/>
        <source>System language</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="299"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="305"/>
        <source>&amp;About SpacePlanner</source>
        <translation>关于 SpacePlanner(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="360"/>
        <source>Layers</source>
        <translation>图层</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="360"/>
        <source>Indicators</source>
        <translation>指标</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="360"/>
        <source>Violations of 让 / 防 / 避</source>
        <translation>让 / 防 / 避 选址问题</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="419"/>
        <source>Tools</source>
        <translation>工具</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="438"/>
        <source>Gap areas</source>
        <translation>服务盲区</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="439"/>
        <source>Uncovered residents</source>
        <translation>未覆盖的居民</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="440"/>
        <source>Shelters over capacity</source>
        <translation>超出容量的避难场所</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="441"/>
        <source>Service areas</source>
        <translation>服务范围</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="442"/>
        <source>Hazard zones</source>
        <translation>灾害风险区</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="443"/>
        <source>Violations</source>
        <translation>选址问题</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="554"/>
        <source>CRS {0}</source>
        <translation>坐标系 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="619"/>
        <source>Gaps shown: {0}</source>
        <translation>显示盲区：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="654"/>
        <source>&amp;Undo {0}</source>
        <translation>撤销 {0}(&amp;U)</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="655"/>
        <source>&amp;Redo {0}</source>
        <translation>重做 {0}(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="665"/>
        <source>not saved</source>
        <translation>未保存</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="779"/>
        <source>Editing: {0}</source>
        <translation>编辑图层：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="779"/>
        <source>No layer chosen to edit</source>
        <translation>未选择要编辑的图层</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="801"/>
        <source>Delete {0}</source>
        <translation>删除 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="831"/>
        <source>The edit was not made</source>
        <translation>未能完成编辑</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="878"/>
        <source>Evaluated</source>
        <translation>评估完成</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="883"/>
        <source>The evaluation failed</source>
        <translation>评估失败</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="894"/>
        <source>Evaluation cancelled</source>
        <translation>评估已取消</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="955"/>
        <source>About SpacePlanner</source>
        <translation>关于 SpacePlanner</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="955"/>
        <source>SpacePlanner {0}

Plan resilient public space in urban communities.

Sample maps: © OpenStreetMap contributors (ODbL); population grids and terrain as credited in each sample's README.</source>
        <translation>SpacePlanner {0}

城市社区韧性公共空间规划工具。

示例地图：© OpenStreetMap 贡献者（ODbL）；人口格网与地形数据的来源见各示例的 README。</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="360"/>
        <source>Selected feature</source>
        <translation>所选要素</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="279"/>
        <source>Ev&amp;aluate</source>
        <translation>评估(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="888"/>
        <source>The figures could not be updated: {0}</source>
        <translation>指标未能更新：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="167"/>
        <source>&amp;Suggest sites…</source>
        <translation>选址建议(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="159"/>
        <source>New plan from OpenStreet&amp;Map…</source>
        <translation>从 OpenStreetMap 新建规划(&amp;M)…</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="360"/>
        <source>Legend</source>
        <translation>图例</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="301"/>
        <source>&amp;Guide: principles, life circles, indicators…</source>
        <translation>指南：原则、生活圈与指标(&amp;G)…</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="360"/>
        <source>Compare</source>
        <translation>对比</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="215"/>
        <source>Draw line</source>
        <translation>绘制线</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="206"/>
        <source>Measure distance and area</source>
        <translation>量测距离和面积</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="216"/>
        <source>Measure</source>
        <translation>量测</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="461"/>
        <source>Attribute table</source>
        <translation>属性表</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="471"/>
        <source>&amp;Find feature…</source>
        <translation>查找要素(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="474"/>
        <source>S&amp;napping</source>
        <translation>捕捉(&amp;N)</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="474"/>
        <source>Clicks snap to the vertices and segments of visible features</source>
        <translation>点击时捕捉到可见要素的顶点和线段</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="480"/>
        <source>Snap</source>
        <translation>捕捉</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="491"/>
        <source>Drag a vertex; double-click a segment to add a vertex, a vertex to remove it</source>
        <translation>拖动顶点；双击线段添加顶点，双击顶点删除该顶点</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="499"/>
        <source>Length {0} m</source>
        <translation>长度 {0} 米</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="501"/>
        <source>area {0} m²</source>
        <translation>面积 {0} 平方米</translation>
    </message>
    <message>
        <location filename="../../ui/qt_main_window.py" line="801"/>
        <source>Delete {0} features</source>
        <translation>删除 {0} 个要素</translation>
    </message>
</context>
<context>
    <name>QtMapCanvas</name>
    <message>
        <location filename="../../ui/canvas/qt_map_canvas.py" line="822"/>
        <source>choose a layer to edit first (a vector layer)</source>
        <translation>请先选择要编辑的图层（矢量图层）</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/qt_map_canvas.py" line="825"/>
        <source>{layer} is a raster layer; choose a vector layer to edit</source>
        <translation>{layer} 是栅格图层；请选择矢量图层进行编辑</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/qt_map_canvas.py" line="844"/>
        <source>layer {layer} holds {kinds}; a {kind} cannot be added to it</source>
        <translation>图层 {layer} 包含的是 {kinds}，不能向其中添加 {kind}</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/qt_map_canvas.py" line="880"/>
        <source>a polygon needs at least 3 corners</source>
        <translation>多边形至少需要 3 个顶点</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/qt_map_canvas.py" line="884"/>
        <source>the polygon is not valid ({reason}); it was not added</source>
        <translation>多边形无效（{reason}），未添加</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/qt_map_canvas.py" line="899"/>
        <source>the new shape of {feature} is not valid ({reason}); the feature was left as it was</source>
        <translation>{feature} 的新形状无效（{reason}），要素保持不变</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/qt_tools.py" line="89"/>
        <source>unexpected error: {error}</source>
        <translation>意外错误：{error}</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/qt_map_canvas.py" line="507"/>
        <source>N</source>
        <translation>北</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/qt_map_canvas.py" line="1060"/>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/qt_map_canvas.py" line="1061"/>
        <source>Class</source>
        <translation>等级</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/qt_map_canvas.py" line="1062"/>
        <source>Hazard</source>
        <translation>灾害</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/qt_map_canvas.py" line="1063"/>
        <source>Population</source>
        <translation>人口</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/qt_map_canvas.py" line="1064"/>
        <source>Households</source>
        <translation>户数</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/qt_map_canvas.py" line="1065"/>
        <source>Capacity</source>
        <translation>容量</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/qt_map_canvas.py" line="1066"/>
        <source>Effective area (m²)</source>
        <translation>有效面积（平方米）</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/qt_map_canvas.py" line="1067"/>
        <source>Area (m²)</source>
        <translation>面积（平方米）</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/qt_map_canvas.py" line="1068"/>
        <source>Height (m)</source>
        <translation>高度（米）</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/qt_map_canvas.py" line="1069"/>
        <source>Floors</source>
        <translation>层数</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/qt_map_canvas.py" line="1070"/>
        <source>Voltage (kV)</source>
        <translation>电压（千伏）</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/qt_map_canvas.py" line="1071"/>
        <source>Width (m)</source>
        <translation>宽度（米）</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/qt_map_canvas.py" line="570"/>
        <source>Base map: {file} has no coordinate reference system</source>
        <translation>底图：{file} 没有坐标参考系</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/qt_map_canvas.py" line="571"/>
        <source>Base map: {file} cannot be read ({detail})</source>
        <translation>底图：无法读取 {file}（{detail}）</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/qt_map_canvas.py" line="572"/>
        <source>Base map: Tianditu needs your key (View &gt; Base map &gt; Tianditu); get one at console.tianditu.gov.cn</source>
        <translation>底图：天地图需要您的密钥（视图 &gt; 底图 &gt; 天地图），可在 console.tianditu.gov.cn 申请</translation>
    </message>
    <message>
        <location filename="../../ui/canvas/qt_map_canvas.py" line="576"/>
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
        <location filename="../../ui/panels/qt_start_page.py" line="61"/>
        <source>SpacePlanner</source>
        <translation>SpacePlanner</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_start_page.py" line="66"/>
        <source>Plan resilient public space: shelters with room for everyone, activity space and daily facilities within walking distance.</source>
        <translation>规划韧性公共空间：避难场所容得下每一位居民，活动空间与日常设施步行可达。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_start_page.py" line="74"/>
        <source>Version {0}</source>
        <translation>版本 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_start_page.py" line="82"/>
        <source>Start</source>
        <translation>开始</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_start_page.py" line="84"/>
        <source>Open a plan…</source>
        <translation>打开规划…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_start_page.py" line="85"/>
        <source>A plan spec (.toml) or a plan file (.gpkg)</source>
        <translation>规划说明（.toml）或规划文件（.gpkg）</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_start_page.py" line="86"/>
        <source>New plan from files…</source>
        <translation>从文件新建规划…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_start_page.py" line="87"/>
        <source>Start a plan from Shapefiles, GeoJSON, GeoPackage, CSV or rasters</source>
        <translation>从 Shapefile、GeoJSON、GeoPackage、CSV 或栅格数据新建规划</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_start_page.py" line="95"/>
        <source>Sample maps</source>
        <translation>示例地图</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_start_page.py" line="109"/>
        <source>Recent plans</source>
        <translation>最近的规划</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_start_page.py" line="118"/>
        <source>No recent plans yet.</source>
        <translation>暂无最近打开的规划。</translation>
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
        <location filename="../../ui/panels/qt_indicators_panel.py" line="578"/>
        <source>No plan open.</source>
        <translation>未打开规划。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="581"/>
        <source>Not evaluated yet.</source>
        <translation>尚未评估。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="604"/>
        <source>{count} siting violations ({counts}). Click one to show it.</source>
        <translation>{count} 个选址问题（{counts}）。点击可在地图上查看。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="613"/>
        <source>Principle</source>
        <translation>原则</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="613"/>
        <source>Site</source>
        <translation>场地</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="613"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="613"/>
        <source>Capacity removed</source>
        <translation>扣减容量</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="623"/>
        <source>Shelter capacity (persons) this principle removed from the site</source>
        <translation>该原则从此场地扣减的避难容量（人）</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="637"/>
        <source>{value} persons</source>
        <translation>{value} 人</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="643"/>
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
        <location filename="../../ui/panels/qt_indicators_panel.py" line="584"/>
        <source>Nothing to check: the plan has no shelters, dual-use spaces or sensitive facilities for 避, 防 and 让.</source>
        <translation>无可检查对象：规划中没有需按避、防、让检查的避难场所、平急两用空间或敏感设施。</translation>
    </message>
    <message>
        <location filename="../../ui/panels/qt_indicators_panel.py" line="592"/>
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
