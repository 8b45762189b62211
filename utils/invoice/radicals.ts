// CJK radical code points → the simplified-Chinese unified ideograph they stand for.
// Chrome-printed CJK PDFs map some glyphs to Kangxi radicals (U+2F00–2FD5) or the CJK radicals
// supplement (U+2E80–2EF3) instead of the ideographs (measured: ⼈ ⽇ ⺠ ⻔ ⼾). NFKC alone turns ⼾ into the
// traditional 戶, so this table maps to simplified forms first (generated from NFKC + a trad→simp fix-up).
const FROM = '⼀⼁⼂⼃⼄⼅⼆⼇⼈⼉⼊⼋⼌⼍⼎⼏⼐⼑⼒⼓⼔⼕⼖⼗⼘⼙⼚⼛⼜⼝⼞⼟⼠⼡⼢⼣⼤⼥⼦⼧⼨⼩⼪⼫⼬⼭⼮⼯⼰⼱⼲⼳⼴⼵⼶⼷⼸⼹⼺⼻⼼⼽⼾⼿⽀⽁⽂⽃⽄⽅⽆⽇⽈⽉⽊⽋⽌⽍⽎⽏⽐⽑⽒⽓⽔⽕⽖⽗⽘⽙⽚⽛⽜⽝⽞⽟⽠⽡⽢⽣⽤⽥⽦⽧⽨⽩⽪⽫⽬⽭⽮⽯⽰⽱⽲⽳⽴⽵⽶⽷⽸⽹⽺⽻⽼⽽⽾⽿⾀⾁⾂⾃⾄⾅⾆⾇⾈⾉⾊⾋⾌⾍⾎⾏⾐⾑⾒⾓⾔⾕⾖⾗⾘⾙⾚⾛⾜⾝⾞⾟⾠⾡⾢⾣⾤⾥⾦⾧⾨⾩⾪⾫⾬⾭⾮⾯⾰⾱⾲⾳⾴⾵⾶⾷⾸⾹⾺⾻⾼⾽⾾⾿⿀⿁⿂⿃⿄⿅⿆⿇⿈⿉⿊⿋⿌⿍⿎⿏⿐⿑⿒⿓⿔⿕⺀⺁⺂⺃⺄⺅⺆⺇⺉⺊⺋⺌⺎⺏⺐⺒⺓⺔⺕⺖⺗⺘⺙⺛⺜⺝⺞⺟⺠⺡⺢⺣⺤⺥⺦⺧⺨⺩⺪⺫⺬⺭⺮⺯⺰⺱⺲⺳⺴⺵⺶⺷⺸⺹⺺⺻⺼⺽⺾⺿⻀⻁⻂⻃⻄⻅⻆⻇⻈⻉⻊⻋⻌⻍⻎⻏⻐⻑⻒⻓⻔⻕⻖⻗⻘⻙⻚⻛⻜⻝⻞⻟⻠⻡⻢⻣⻤⻥⻦⻧⻨⻩⻪⻫⻬⻭⻮⻯⻰⻱⻲⻳';
const TO = '一丨丶丿乙亅二亠人儿入八冂冖冫几凵刀力勹匕匚匸十卜卩厂厶又口囗土士夂夊夕大女子宀寸小尢尸屮山巛工己巾干幺广廴廾弋弓彐彡彳心戈户手支攴文斗斤方无日曰月木欠止歹殳毋比毛氏气水火爪父爻爿片牙牛犬玄玉瓜瓦甘生用田疋疒癶白皮皿目矛矢石示禸禾穴立竹米糸缶网羊羽老而耒耳聿肉臣自至臼舌舛舟艮色艸虍虫血行衣襾见角言谷豆豕豸贝赤走足身车辛辰辵邑酉釆里金长门阜隶隹雨青非面革韦韭音页风飞食首香马骨高髟斗鬯鬲鬼鱼鸟卤鹿麦麻黄黍黑黹黾鼎鼓鼠鼻齐齿龙龟龠冫厂乛乚乙亻冂几刂卜㔾小兀尣尢巳幺彐彐忄心扌攵旡日月歺母民氵水灬爫爫丬牛犭王疋罒示礻竹糸纟罒罒网网网羊羊羊耂肀聿月臼艹艹艹虎衤西西见角角讠贝足车辶辶辶阝钅长镸长门阜阝雨青韦页风飞食食食饣首马骨鬼鱼鸟卤麦黄黾齐齐齿齿龙龙龟龟龟';

const TABLE: Map<string, string> = (() => {
  const m = new Map<string, string>();
  const from = Array.from(FROM);
  const to = Array.from(TO);
  from.forEach((c, i) => m.set(c, to[i]!));
  return m;
})();

/** Maps one character (code point) through the radical table; other characters are returned as is. */
export function mapRadical(ch: string): string {
  return TABLE.get(ch) ?? ch;
}

/** Replaces every CJK radical code point in `text` by its simplified ideograph. Length in code points is kept. */
export function normalizeRadicals(text: string): string {
  let out = '';
  for (const ch of text) out += TABLE.get(ch) ?? ch;
  return out;
}

export const RADICAL_COUNT = 326;
