package org.babble.dataset.split;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WhichSetTest {

    /*
     * Sets and percentages computed once with Python's hashlib, as TF's which_set does (10% validation, 10% testing):
     *
     * python3 -c 'import hashlib,re,sys; M=2**27-1; [print(n, (lambda p: "validation" if p<10 else "testing"
     *   if p<20 else "training")((int(hashlib.sha1(re.sub(r"_nohash_.*$","",n).encode("utf-8")).hexdigest(),16)
     *   %(M+1))*(100.0/M)), (int(hashlib.sha1(re.sub(r"_nohash_.*$","",n).encode("utf-8")).hexdigest(),16)%(M+1))
     *   *(100.0/M)) for n in sys.argv[1:]]' 026290a7_nohash_0.wav ...
     *
     * Names are real ones from ../shared/data/speech and ../shared/data/nursery, plus a name without _nohash_ and a
     * non-ASCII one (UTF-8 bytes are hashed).
     */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "026290a7_nohash_0.wav, validation, 0.6821543029111199",
        "060cd039_nohash_0.wav, validation, 7.819671242085629",
        "099d52ad_nohash_0.wav, validation, 9.288007835209427",
        "0e17f595_nohash_0.wav, validation, 6.581510652463962",
        "105e72bb_nohash_0.wav, validation, 0.3318235302852357",
        "409c962a_nohash_0.wav, validation, 0.8815623885509549",
        "50ed8a7b_nohash_0.wav, validation, 9.570474248904542",
        "6071a214_nohash_0.wav, validation, 4.702988301984878",
        "66cff190_nohash_0.wav, validation, 1.291962722629031",
        "6c0f6493_nohash_0.wav, validation, 3.6731623386827286",
        "750e3e75_nohash_0.wav, validation, 2.448351699474094",
        "90804775_nohash_0.wav, validation, 0.4158593745221151",
        "44260689_nohash_0.wav, testing, 14.686450471628088",
        "47d01978_nohash_0.wav, testing, 13.131547817077843",
        "4845bb10_nohash_0.wav, testing, 19.73836287661167",
        "4c7c95de_nohash_0.wav, testing, 14.071904227673294",
        "4f8ef132_nohash_0.wav, testing, 10.707087149523847",
        "563aa4e6_nohash_0.wav, testing, 13.094019987389593",
        "5828dfa2_nohash_0.wav, testing, 10.162811802050559",
        "6021f08b_nohash_0.wav, testing, 16.535895440994913",
        "82b99576_nohash_0.wav, testing, 15.381899590655411",
        "863880b7_nohash_0.wav, testing, 18.761469563554744",
        "964e8cfd_nohash_0.wav, testing, 13.050393112379261",
        "97f4c236_nohash_0.wav, testing, 14.779315998996168",
        "00f0204f_nohash_0.wav, training, 50.17610751223644",
        "012c8314_nohash_0.wav, training, 95.15189897382183",
        "0132a06d_nohash_0.wav, training, 58.139242665016965",
        "0137b3f4_nohash_0.wav, training, 40.75661779013736",
        "01648c51_nohash_0.wav, training, 85.0365965443596",
        "0227998e_nohash_0.wav, training, 77.40668637608502",
        "042186b8_nohash_0.wav, training, 60.21540582340513",
        "0447d7c1_nohash_0.wav, training, 34.64614849273971",
        "louise01_nohash_6.wav, training, 50.87342523689139",
        "margot_nohash_5.wav, training, 70.45028932728088",
        "laugh1_nohash_86.wav, training, 25.974019065305733",
        "silence_nohash_43.wav, training, 40.006237030075766",
        "v20170401080622030_nohash_13.wav, training, 30.881703130019478",
        "plain.wav, training, 31.656094131291614",
        "Ünïcode_nohash_1.wav, training, 73.97292162457795",
    })
    void matchesPythonHashlibTable(String name, String set, double percentage) {
        assertEquals(Split.ofName(set), WhichSet.of(name, 10, 10), name);
        assertEquals(percentage, WhichSet.percentage(name), 1e-9, name);
    }

    @Test
    void onlyTheBaseNameBeforeNohashCounts() {
        assertEquals("0a7c2a8d", WhichSet.hashName("/data/bed/0a7c2a8d_nohash_3.wav"));
        assertEquals("plain.wav", WhichSet.hashName("dir\\plain.wav"));
        assertEquals(WhichSet.percentage("x/abc_nohash_0.wav"), WhichSet.percentage("y/abc_nohash_17_nohash_2.wav"));
    }

    @Test
    void percentagesMoveTheBoundaries() {
        // 4845bb10 hashes to 19.74: testing at 10/10, validation once validation covers 20%, training at 10/5.
        assertEquals(Split.TESTING, WhichSet.of("4845bb10_nohash_0.wav", 10, 10));
        assertEquals(Split.VALIDATION, WhichSet.of("4845bb10_nohash_0.wav", 20, 10));
        assertEquals(Split.TRAINING, WhichSet.of("4845bb10_nohash_0.wav", 10, 5));
    }
}
