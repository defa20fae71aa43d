<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1">
<context>
    <name>AddLayerDialog</name>
    <message>
        <location filename="../add_layer_dialog.py" line="526"/>
        <source>Add layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../add_layer_dialog.py" line="376"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../add_layer_dialog.py" line="379"/>
        <source>Shapefile, GeoJSON, GeoPackage, KML, CSV or GeoTIFF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../add_layer_dialog.py" line="383"/>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../add_layer_dialog.py" line="388"/>
        <source>File:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../add_layer_dialog.py" line="390"/>
        <source>The layer inside a file that holds several</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../add_layer_dialog.py" line="392"/>
        <source>Layer in file:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../add_layer_dialog.py" line="394"/>
        <source>The layer&apos;s name in the plan; it must be unique</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../add_layer_dialog.py" line="397"/>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../add_layer_dialog.py" line="405"/>
        <source>Role:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../add_layer_dialog.py" line="691"/>
        <source>automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../add_layer_dialog.py" line="413"/>
        <source>Text encoding of a Shapefile&apos;s .dbf or a CSV; detected when automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../add_layer_dialog.py" line="420"/>
        <source>Encoding:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../add_layer_dialog.py" line="422"/>
        <source>from the file, e.g. EPSG:4490</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../add_layer_dialog.py" line="423"/>
        <source>Set the coordinate system when the file has none or a wrong one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../add_layer_dialog.py" line="427"/>
        <source>CRS:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../add_layer_dialog.py" line="432"/>
        <source>X / longitude:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../add_layer_dialog.py" line="433"/>
        <source>Y / latitude:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../add_layer_dialog.py" line="437"/>
        <source>Band:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../add_layer_dialog.py" line="443"/>
        <source>(choose)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../add_layer_dialog.py" line="444"/>
        <source>value at least</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../add_layer_dialog.py" line="445"/>
        <source>value at most</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../add_layer_dialog.py" line="446"/>
        <source>slope at most (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../add_layer_dialog.py" line="447"/>
        <source>Which cells of the raster form the hazard zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../add_layer_dialog.py" line="455"/>
        <source>Hazard zone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../add_layer_dialog.py" line="465"/>
        <source>Fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../add_layer_dialog.py" line="468"/>
        <source>Field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../add_layer_dialog.py" line="468"/>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../add_layer_dialog.py" line="468"/>
        <source>Constant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../add_layer_dialog.py" line="480"/>
        <source>* required · a column matched by name is used automatically</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../add_layer_dialog.py" line="486"/>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../add_layer_dialog.py" line="499"/>
        <source>Checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../add_layer_dialog.py" line="546"/>
        <source>Choose a layer file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../add_layer_dialog.py" line="546"/>
        <source>GIS files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../add_layer_dialog.py" line="546"/>
        <source>All files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../add_layer_dialog.py" line="573"/>
        <source>{0} (raster)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../add_layer_dialog.py" line="756"/>
        <source>Unit: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../add_layer_dialog.py" line="757"/>
        <source>Matched by: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../add_layer_dialog.py" line="785"/>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../add_layer_dialog.py" line="786"/>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../add_layer_dialog.py" line="804"/>
        <source>One value for every feature (instead of a column)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../add_layer_dialog.py" line="831"/>
        <source>(constant)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../add_layer_dialog.py" line="833"/>
        <source>{0} (automatic)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../add_layer_dialog.py" line="835"/>
        <source>(none)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../add_layer_dialog.py" line="1072"/>
        <source>the layer needs a name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../add_layer_dialog.py" line="1074"/>
        <source>a layer called &apos;{0}&apos; is already in the plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../add_layer_dialog.py" line="1074"/>
        <source>choose another name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../add_layer_dialog.py" line="1092"/>
        <source>the file cannot be read ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../add_layer_dialog.py" line="1131"/>
        <source>the layer lies {0:,.1f} km away from the plan&apos;s layers: they do not overlap</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../add_layer_dialog.py" line="1131"/>
        <source>its CRS is probably wrong (lon/lat swapped, or another EPSG code); set the CRS above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../add_layer_dialog.py" line="1184"/>
        <source>Error</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../add_layer_dialog.py" line="1185"/>
        <source>Warning</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../add_layer_dialog.py" line="1186"/>
        <source>Repaired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../add_layer_dialog.py" line="1187"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../add_layer_dialog.py" line="1199"/>
        <source>Choose a file to add.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../add_layer_dialog.py" line="1201"/>
        <source>1 error: fix it to add the layer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../add_layer_dialog.py" line="1201"/>
        <source>{0} errors: fix them to add the layer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../add_layer_dialog.py" line="1207"/>
        <source>Ready: a raster of {0} × {1} cells.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../add_layer_dialog.py" line="1211"/>
        <source>Ready: 1 feature.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../add_layer_dialog.py" line="1211"/>
        <source>Ready: {0} features.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../add_layer_dialog.py" line="1229"/>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../add_layer_dialog.py" line="1230"/>
        <source>Bands</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../add_layer_dialog.py" line="1231"/>
        <source>Data type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../add_layer_dialog.py" line="1232"/>
        <source>No data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../add_layer_dialog.py" line="1233"/>
        <source>CRS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../add_layer_dialog.py" line="1237"/>
        <source>Property</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../add_layer_dialog.py" line="1237"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../add_layer_dialog.py" line="1273"/>
        <source>geometry</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AttributesDialog</name>
    <message>
        <location filename="../attributes_dialog.py" line="100"/>
        <source>Attributes of {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../attributes_dialog.py" line="105"/>
        <source>{0} · layer {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../attributes_dialog.py" line="116"/>
        <source>Ids are stable and cannot be edited</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../attributes_dialog.py" line="118"/>
        <source>id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../attributes_dialog.py" line="139"/>
        <source>Other columns of the source (read-only):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../attributes_dialog.py" line="176"/>
        <source>no value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../attributes_dialog.py" line="171"/>
        <source>A number of at least 0; leave empty for no value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../attributes_dialog.py" line="246"/>
        <source>Edit attributes of {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../attributes_dialog.py" line="255"/>
        <source>The edit was not made</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EvaluationRunner</name>
    <message>
        <location filename="../worker.py" line="578"/>
        <source>Unexpected error during the evaluation: {error}. The details are in the log.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../worker.py" line="597"/>
        <source>Walking network and residents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../worker.py" line="598"/>
        <source>Shelters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../worker.py" line="599"/>
        <source>Activity spaces</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../worker.py" line="600"/>
        <source>Facilities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../worker.py" line="601"/>
        <source>Gap and service areas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../worker.py" line="602"/>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <location filename="../export_dialog.py" line="431"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="232"/>
        <source>Web map and report (HTML)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="233"/>
        <source>Map sheet (PDF)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="234"/>
        <source>Map sheet (PNG image)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="235"/>
        <source>Shapefiles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="236"/>
        <source>GeoPackage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="237"/>
        <source>GeoJSON (WGS 84)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="238"/>
        <source>Report tables (CSV)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="241"/>
        <source>Formats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="262"/>
        <source>Attribute encoding of the Shapefiles; GBK for older Chinese GIS software</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="265"/>
        <source>Zip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="266"/>
        <source>Put all Shapefiles into one .zip file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="267"/>
        <source>Shapefile encoding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="275"/>
        <source>Options</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="281"/>
        <source>Landscape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="282"/>
        <source>Portrait</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="287"/>
        <source>Map sheet paper:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="288"/>
        <source>Orientation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="289"/>
        <source>Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="290"/>
        <source>scenario {scenario} · period: {period}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="297"/>
        <source>Evaluates:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="299"/>
        <source>Output folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="303"/>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="308"/>
        <source>Replace existing files without asking</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="312"/>
        <source>Press Preview to see the map sheet before writing the PDF.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="313"/>
        <source>Preview map sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="328"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="330"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="428"/>
        <source>Choose at least one format.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="431"/>
        <source>Choose an output folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="441"/>
        <source>Replace existing files?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="441"/>
        <source>{count} of the outputs already exist in {folder}:
{names}

Replace them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="451"/>
        <source>Nothing was written: the existing files were kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="474"/>
        <source>Exporting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="510"/>
        <source>Drawing the preview…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="518"/>
        <source>Cancelling: the export stops after its current step, and nothing is written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="518"/>
        <source>Cancelling the preview…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="571"/>
        <source>Export to folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="577"/>
        <source>Evaluating scenario {scenario}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="581"/>
        <source>Evaluating: walking network and residents…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="582"/>
        <source>Evaluating: shelters…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="583"/>
        <source>Evaluating: activity spaces…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="584"/>
        <source>Evaluating: facilities…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="585"/>
        <source>Evaluating: gap and service areas…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="586"/>
        <source>Writing the files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="587"/>
        <source>Drawing the map sheet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="588"/>
        <source>Moving the files into place…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="589"/>
        <source>Finishing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="604"/>
        <source>Preview of the map sheet ({paper}, {orientation}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="625"/>
        <source>Exported {count} files to {folder}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="620"/>
        <source>Open the web map in your browser?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="620"/>
        <source>Open the folder?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="625"/>
        <source>Export finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="642"/>
        <source>Preview failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="643"/>
        <source>The preview failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="645"/>
        <source>Export failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="646"/>
        <source>The export failed; nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="652"/>
        <source>Export cancelled; nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../export_dialog.py" line="652"/>
        <source>Preview cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>IndicatorsPanel</name>
    <message>
        <location filename="../indicators_panel.py" line="218"/>
        <source>No plan open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../indicators_panel.py" line="218"/>
        <source>Not evaluated yet. Press Evaluate to measure who can walk to a shelter, to activity space and to each kind of facility.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../indicators_panel.py" line="233"/>
        <source>Indicator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../indicators_panel.py" line="233"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../indicators_panel.py" line="233"/>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../indicators_panel.py" line="233"/>
        <source>Met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../indicators_panel.py" line="236"/>
        <source>Show:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../indicators_panel.py" line="240"/>
        <source>All periods</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../indicators_panel.py" line="245"/>
        <source>Live update: the figures follow your latest edit; the gap and service areas on the map are from the last full evaluation (stale). Press Evaluate to refresh.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../indicators_panel.py" line="255"/>
        <source>network walking distances</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../indicators_panel.py" line="258"/>
        <source>straight-line distances × detour factor {factor}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../indicators_panel.py" line="261"/>
        <source>{population} residents · {distance} · scenario: {scenario} · rules: {rules}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../indicators_panel.py" line="270"/>
        <source> · period: {period}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../indicators_panel.py" line="277"/>
        <source>Notes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../indicators_panel.py" line="294"/>
        <source>{group} — {met} of {total} met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../indicators_panel.py" line="299"/>
        <source>Period: {period}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../indicators_panel.py" line="309"/>
        <source>{met} of {total} targets met</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../indicators_panel.py" line="338"/>
        <source>Source: {source}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../indicators_panel.py" line="338"/>
        <source>No standard cited: the target is room for every resident.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../indicators_panel.py" line="338"/>
        <source>No standard cited.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../indicators_panel.py" line="345"/>
        <source>{value}; target at least {target}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../indicators_panel.py" line="368"/>
        <source>{value} persons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../indicators_panel.py" line="371"/>
        <source>{value} m²/person</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LayerListModel</name>
    <message>
        <location filename="../layers_panel.py" line="257"/>
        <source>Layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../layers_panel.py" line="258"/>
        <source>Features</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../layers_panel.py" line="278"/>
        <source>raster</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../layers_panel.py" line="294"/>
        <source>Raster {0} × {1}, {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../layers_panel.py" line="305"/>
        <source>Source: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../layers_panel.py" line="308"/>
        <source>Fields: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../layers_panel.py" line="556"/>
        <source>1 feature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../layers_panel.py" line="557"/>
        <source>{0} features</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LayersPanel</name>
    <message>
        <location filename="../layers_panel.py" line="700"/>
        <source>Add layer…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../layers_panel.py" line="700"/>
        <source>Add a layer from a file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../layers_panel.py" line="878"/>
        <source>Remove layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../layers_panel.py" line="703"/>
        <source>Remove the layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../layers_panel.py" line="709"/>
        <source>Style…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../layers_panel.py" line="709"/>
        <source>Colours, line width and opacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../layers_panel.py" line="712"/>
        <source>Role…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../layers_panel.py" line="712"/>
        <source>What the layer is in the plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../layers_panel.py" line="715"/>
        <source>Zoom</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../layers_panel.py" line="715"/>
        <source>Zoom to the layer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../layers_panel.py" line="865"/>
        <source>The layer was not added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../layers_panel.py" line="878"/>
        <source>Remove the layer &apos;{0}&apos; from the plan? Undo brings it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../layers_panel.py" line="891"/>
        <source>The layer was not removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../layers_panel.py" line="905"/>
        <source>Style of {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../layers_panel.py" line="919"/>
        <source>The style was not changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../layers_panel.py" line="935"/>
        <source>Role of {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../layers_panel.py" line="935"/>
        <source>The layer&apos;s role in the plan:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../layers_panel.py" line="960"/>
        <source>The role was not changed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../main_window.py" line="524"/>
        <source>SpacePlanner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="149"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="169"/>
        <source>&amp;Open plan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="170"/>
        <source>&amp;New plan from files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="171"/>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="172"/>
        <source>Save &amp;As…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="175"/>
        <source>&amp;Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="176"/>
        <source>&amp;Close plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="177"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="487"/>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="488"/>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="183"/>
        <source>&amp;Attributes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="183"/>
        <source>Edit the selected feature&apos;s attributes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="187"/>
        <source>&amp;Delete feature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="187"/>
        <source>Delete the selected feature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="191"/>
        <source>&amp;Evaluate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="191"/>
        <source>Evaluate the plan with gap areas and service areas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="195"/>
        <source>&amp;Cancel evaluation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="199"/>
        <source>Zoom to &amp;extent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="211"/>
        <source>Pan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="204"/>
        <source>Select and identify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="205"/>
        <source>Move feature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="206"/>
        <source>Add point feature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="215"/>
        <source>Draw polygon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="208"/>
        <source>Reshape polygon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="212"/>
        <source>Select</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="213"/>
        <source>Move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="214"/>
        <source>Add point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="216"/>
        <source>Reshape</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="218"/>
        <source>Full extent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="219"/>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="220"/>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="221"/>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="222"/>
        <source>Attributes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="241"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="245"/>
        <source>Open &amp;sample map</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="251"/>
        <source>Open &amp;recent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="260"/>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="270"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="273"/>
        <source>Result &amp;overlays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="275"/>
        <source>&amp;Panels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="277"/>
        <source>E&amp;valuate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="281"/>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="284"/>
        <source>System language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="292"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="294"/>
        <source>&amp;About SpacePlanner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="325"/>
        <source>Hazard scenario: its hazard zones shape the emergency period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="329"/>
        <source>Normal and emergency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="330"/>
        <source>Normal (daily life)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="331"/>
        <source>Emergency (shelters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="337"/>
        <source>Evaluate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="340"/>
        <source>Scenario</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="340"/>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="356"/>
        <source>Layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="356"/>
        <source>Indicators</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="356"/>
        <source>Violations of 让 / 防 / 避</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="373"/>
        <source>Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="391"/>
        <source>Gap areas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="392"/>
        <source>Uncovered residents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="393"/>
        <source>Shelters over capacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="394"/>
        <source>Service areas</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="395"/>
        <source>Hazard zones</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="396"/>
        <source>Violations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="438"/>
        <source>CRS {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="446"/>
        <source>Earthquake</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="447"/>
        <source>Flood</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="448"/>
        <source>Fire</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="449"/>
        <source>All hazards</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="487"/>
        <source>&amp;Undo {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="488"/>
        <source>&amp;Redo {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="498"/>
        <source>not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="528"/>
        <source>Open plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="528"/>
        <source>Plans (*.toml *.gpkg);;Plan spec (*.toml);;Plan file (*.gpkg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="562"/>
        <source>Cannot open the plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="562"/>
        <source>No layer of the plan could be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="567"/>
        <source>Some layers were left out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="567"/>
        <source>{0} problems stop some layers from loading; the plan opens without them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="584"/>
        <source>New plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="584"/>
        <source>Plan name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="630"/>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="630"/>
        <source>The plan “{0}” has changes that are not saved. Save them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="653"/>
        <source>Save plan as</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="653"/>
        <source>Plan file (*.gpkg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="670"/>
        <source>The plan was not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="677"/>
        <source>Saved {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="690"/>
        <source>Autosave failed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="700"/>
        <source>Recover unsaved changes?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="700"/>
        <source>SpacePlanner did not close cleanly. Unsaved changes to “{0}” from {1} were kept. Recover them?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="714"/>
        <source>Cannot recover the plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="756"/>
        <source>Editing: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="756"/>
        <source>No layer chosen to edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="778"/>
        <source>Delete {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="802"/>
        <source>The edit was not made</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="846"/>
        <source>Evaluated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="850"/>
        <source>The evaluation failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="856"/>
        <source>Evaluation cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="886"/>
        <source>About SpacePlanner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../main_window.py" line="886"/>
        <source>SpacePlanner {0}

Plan resilient public space in urban communities.

Sample maps: © OpenStreetMap contributors (ODbL); population grids and terrain as credited in each sample's README.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MapCanvas</name>
    <message>
        <location filename="../canvas.py" line="1440"/>
        <source>choose a layer to edit first (a vector layer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../canvas.py" line="1443"/>
        <source>{layer} is a raster layer; choose a vector layer to edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../canvas.py" line="1462"/>
        <source>Layer {layer} holds {kinds}; a {kind} cannot be added to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../canvas.py" line="1518"/>
        <source>A polygon needs at least 3 corners.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../canvas.py" line="1522"/>
        <source>The polygon is not valid ({reason}); it was not added.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../canvas.py" line="1792"/>
        <source>The new shape of {feature} is not valid ({reason}); the feature was left as it was.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../start_page.py" line="61"/>
        <source>SpacePlanner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../start_page.py" line="66"/>
        <source>Plan resilient public space: shelters with room for everyone, activity space and daily facilities within walking distance.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../start_page.py" line="74"/>
        <source>Version {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../start_page.py" line="82"/>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../start_page.py" line="84"/>
        <source>Open a plan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../start_page.py" line="85"/>
        <source>A plan spec (.toml) or a plan file (.gpkg)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../start_page.py" line="86"/>
        <source>New plan from files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../start_page.py" line="87"/>
        <source>Start a plan from Shapefiles, GeoJSON, GeoPackage, CSV or rasters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../start_page.py" line="95"/>
        <source>Sample maps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../start_page.py" line="109"/>
        <source>Recent plans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../start_page.py" line="118"/>
        <source>No recent plans yet.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StyleDialog</name>
    <message>
        <location filename="../layers_panel.py" line="446"/>
        <source>Layer style</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../layers_panel.py" line="454"/>
        <source>No fill</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../layers_panel.py" line="461"/>
        <source>Fill colour:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../layers_panel.py" line="464"/>
        <source>Line colour:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../layers_panel.py" line="471"/>
        <source>Line width:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../layers_panel.py" line="476"/>
        <source>Opacity:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../layers_panel.py" line="483"/>
        <source>Symbol size:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../layers_panel.py" line="506"/>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../layers_panel.py" line="518"/>
        <source>Fill colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../layers_panel.py" line="525"/>
        <source>Line colour</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message>
        <location filename="../add_layer_dialog.py" line="189"/>
        <source>persons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../add_layer_dialog.py" line="190"/>
        <source>households</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../add_layer_dialog.py" line="191"/>
        <source>floors</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ViolationsPanel</name>
    <message>
        <location filename="../indicators_panel.py" line="562"/>
        <source>No plan open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../indicators_panel.py" line="565"/>
        <source>Not evaluated yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../indicators_panel.py" line="568"/>
        <source>No siting violations: every site passes 避, 防 and 让.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../indicators_panel.py" line="576"/>
        <source>{count} siting violations ({counts}). Click one to show it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../indicators_panel.py" line="585"/>
        <source>Principle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../indicators_panel.py" line="585"/>
        <source>Site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../indicators_panel.py" line="585"/>
        <source>Problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../indicators_panel.py" line="585"/>
        <source>Capacity removed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../indicators_panel.py" line="595"/>
        <source>Shelter capacity (persons) this principle removed from the site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../indicators_panel.py" line="612"/>
        <source>{value} persons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../indicators_panel.py" line="618"/>
        <source>{principle} · rule {rule}
Site: {site} (layer {layer}, id {id})
Measured {measured}, required {required}
{message}
Source: {source}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>_HitIndex</name>
    <message>
        <location filename="../canvas.py" line="918"/>
        <source>Unexpected error: {error}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
