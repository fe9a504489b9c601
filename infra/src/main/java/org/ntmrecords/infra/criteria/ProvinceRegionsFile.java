package org.ntmrecords.infra.criteria;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.ntmrecords.command.criteria.ProvinceRegions;
import org.ntmrecords.events.criteria.Region;
import org.springframework.core.io.ClassPathResource;

/**
 * The province → region reference data shipped with the service ({@value #BUNDLED}): one line per province whose
 * region a source states, with that source beside it. Read once at start; a line without a source, with an unknown
 * region key or a province listed twice stops the start, so the file cannot quietly say less than it seems to.
 */
public final class ProvinceRegionsFile implements ProvinceRegions {
    public static final String BUNDLED = "data/regions/province-regions.csv";

    private final Map<String, ProvinceRegion> byCode;

    private ProvinceRegionsFile(Map<String, ProvinceRegion> byCode) {
        this.byCode = Map.copyOf(byCode);
    }

    public static ProvinceRegionsFile bundled() {
        try (Reader reader = new InputStreamReader(new ClassPathResource(BUNDLED).getInputStream(),
                StandardCharsets.UTF_8)) {
            return read(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + BUNDLED, e);
        }
    }

    static ProvinceRegionsFile read(Reader csv) throws IOException {
        Map<String, ProvinceRegion> byCode = new LinkedHashMap<>();
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader().withComments()).readValues(csv)) {
            while (rows.hasNext()) {
                Map<String, String> row = rows.next();
                String code = text(row, "province_code");
                String name = text(row, "province_name");
                String key = text(row, "region");
                String source = text(row, "source");
                if (code == null || !code.matches("\\d{2}") || name == null || source == null) {
                    throw new IllegalStateException(BUNDLED + ": every line gives a 2-digit province code, its name "
                            + "and its source: " + row);
                }
                Region region = Region.byKey(key).orElseThrow(() -> new IllegalStateException(BUNDLED + ": '" + key
                        + "' is not a region key (province " + code + ")"));
                if (byCode.put(code, new ProvinceRegion(code, name, region, source)) != null) {
                    throw new IllegalStateException(BUNDLED + ": province " + code + " is listed twice");
                }
            }
        }
        return new ProvinceRegionsFile(byCode);
    }

    @Override
    public Optional<ProvinceRegion> regionOf(String provinceCode) {
        return Optional.ofNullable(byCode.get(provinceCode));
    }

    /** The provinces listed, by code. */
    public Map<String, ProvinceRegion> all() {
        return byCode;
    }

    private static String text(Map<String, String> row, String column) {
        String value = row.get(column);
        return value == null || value.isBlank() ? null : Normalizer.normalize(value.strip(), Normalizer.Form.NFC);
    }
}
