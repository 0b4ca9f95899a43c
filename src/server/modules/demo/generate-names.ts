/**
 * Name pools for the demo district: common names of the communities of a Minnesota district,
 * combined at random, so no generated person is a real one. Each household draws from one
 * pool (or two, for the families counted as two or more races), which keeps names, countries of
 * birth and the demographics file plausible together.
 */
/** A list written as one `|`-separated string: these pools are data, not code worth a line per name. */
function list(s: string): readonly string[] {
  return s.split('|');
}

export type RaceFlag =
  'americanIndianOrAlaskaNative' | 'asian' | 'blackOrAfricanAmerican' | 'nativeHawaiianOrOtherPacificIslander' | 'white';

export interface NamePool {
  key: string;
  weight: number;
  female: readonly string[];
  male: readonly string[];
  family: readonly string[];
  race: RaceFlag;
  hispanic?: boolean;
  /** Countries of birth (ISO 3166 alpha-2) for the share of students born abroad. */
  abroad: readonly string[];
}

export const namePools: readonly NamePool[] = [
  {
    key: 'european',
    weight: 50,
    female: list('Emma|Olivia|Charlotte|Harper|Evelyn|Abigail|Emily|Ella|Grace|Chloe|Lily|Hannah|Nora|Ingrid|Astrid|Claire|Molly|Anna'),
    male: list('Liam|Noah|Oliver|James|William|Benjamin|Lucas|Henry|Jack|Owen|Wyatt|Carter|Logan|Ethan|Caleb|Nils|Erik|Samuel'),
    family: list(
      "Johnson|Anderson|Olson|Peterson|Larson|Nelson|Miller|Smith|Brown|Wilson|Thompson|Carlson|Hanson|Swanson|Erickson|Schmidt|Schultz|Meyer|Murphy|O'Brien|Sullivan|Novak|Kowalski|Lindqvist|Berg|Dahl|Kowalczyk|Becker",
    ),
    race: 'white',
    abroad: list('UA|PL|CA|DE|RU'),
  },
  {
    key: 'latino',
    weight: 12,
    female: list('Sofía|Isabella|Camila|Valentina|Lucía|Ximena|Mariana|Daniela|Gabriela|Renata|María José|Guadalupe'),
    male: list('Mateo|Santiago|Diego|Sebastián|Emiliano|Alejandro|Javier|Carlos|Luis|Adrián|José Luis|Ángel'),
    family: list(
      'García|Martínez|Rodríguez|Hernández|López|González|Pérez|Sánchez|Ramírez|Torres|Flores|Rivera|Gómez|Díaz|Morales|Cruz|Reyes|Ortiz|De la Cruz',
    ),
    race: 'white',
    hispanic: true,
    abroad: list('MX|GT|SV|EC|HN|PR'),
  },
  {
    key: 'african-american',
    weight: 9,
    female: list('Aaliyah|Imani|Zoe|Maya|Jasmine|Nia|Kennedy|Brianna|Destiny|Layla|Aniyah|Tiana'),
    male: list('Jayden|Elijah|Isaiah|Malik|Jalen|Marcus|Darius|Xavier|Andre|Terrence|Khalil|Jamal'),
    family: list('Washington|Jackson|Williams|Johnson|Harris|Robinson|Walker|Coleman|Jenkins|Brooks|Freeman|Greene|Bell|Banks'),
    race: 'blackOrAfricanAmerican',
    abroad: list('JM|HT'),
  },
  {
    key: 'east-african',
    weight: 5,
    female: list('Amina|Hodan|Fadumo|Sagal|Hibaq|Ayaan|Nasra|Ifrah|Hamdi|Filsan'),
    male: list('Abdirahman|Mohamed|Abdi|Ahmed|Hassan|Yusuf|Omar|Liban|Mustafa|Bashir'),
    family: list('Ali|Hassan|Mohamed|Abdi|Farah|Warsame|Osman|Jama|Aden|Ahmed|Hussein|Yusuf|Tesfaye|Bekele'),
    race: 'blackOrAfricanAmerican',
    abroad: list('SO|KE|ET|ER'),
  },
  {
    key: 'hmong',
    weight: 5,
    female: list('Mai|Pa|Nou|Kia|Yer|Bao|Choua|Der|Maiyer|Pakou'),
    male: list('Tou|Pao|Kou|Xeng|Fue|Chue|Neng|Txeng|Koua|Shoua'),
    family: list('Vang|Xiong|Yang|Lee|Thao|Her|Moua|Lor|Vue|Lo|Chang|Hang'),
    race: 'asian',
    abroad: list('TH|LA'),
  },
  {
    key: 'east-asian',
    weight: 5,
    female: list('Linh|Anh|Thu|Mei|Yuna|Hana|Jia|Ji-woo|Sakura|Xiu'),
    male: list('Minh|Bao|Huy|Kenji|Wei|Jun|Hiro|Tuan|Min-jun|Hao'),
    family: list('Nguyen|Tran|Le|Pham|Chen|Wang|Kim|Park|Tanaka|Sato|Li|Zhang|Choi|Hoang'),
    race: 'asian',
    abroad: list('VN|CN|KR|JP'),
  },
  {
    key: 'south-asian',
    weight: 4,
    female: list('Priya|Ananya|Aisha|Diya|Kavya|Saanvi|Meera|Riya'),
    male: list('Arjun|Rohan|Aarav|Vikram|Ishaan|Dev|Kabir|Neel'),
    family: list('Patel|Shah|Singh|Kumar|Gupta|Reddy|Iyer|Desai|Chaudhry|Rao|Menon'),
    race: 'asian',
    abroad: list('IN|PK|BD|NP'),
  },
  {
    key: 'middle-eastern',
    weight: 3,
    female: list('Layla|Noor|Yasmin|Rania|Maryam|Zainab|Salma|Dalia'),
    male: list('Karim|Tariq|Samir|Khalil|Amir|Faris|Rami|Ziad'),
    family: list('Haddad|Khoury|Nasser|Saleh|Mansour|Aziz|Farouk|Hamdan|Sabbagh|Darwish'),
    race: 'white',
    abroad: list('LB|SY|IQ|JO'),
  },
  {
    key: 'native',
    weight: 2,
    female: list('Winona|Tayanita|Aiyana|Grace|Rose|Naomi|Leah|Jolene'),
    male: list('Dakota|Niigaan|Makwa|Joseph|Thomas|Daniel|Cody|Travis'),
    family: list('Beaulieu|Jourdain|Fairbanks|Bellanger|Morrison|Goodsky|Kingbird|Roy|Bushey|Defoe'),
    race: 'americanIndianOrAlaskaNative',
    abroad: list('CA'),
  },
  {
    key: 'pacific',
    weight: 0.5,
    female: list('Leilani|Malia|Sina|Ana'),
    male: list('Keoni|Sione|Tevita|Kai'),
    family: list('Tupou|Fonoti|Kealoha|Taufa|Faleolo'),
    race: 'nativeHawaiianOrOtherPacificIslander',
    abroad: list('WS|TO'),
  },
];

export const middleNames = list('Marie|Lynn|Rose|James|Lee|Ann|Jean|Michael|Grace|Alexander|Elizabeth|Thomas');

/** Shorter names students ask to be called by (OneRoster 1.2 preferredGivenName). */
export const preferredNames = list('Alex|Sam|Charlie|Max|Jo|Frankie|Riley|Jamie|Nico|Teddy');

export const minnesotaCities = list(
  'Minneapolis|Saint Paul|Duluth|Rochester|Bloomington|Brooklyn Park|Plymouth|St. Cloud|Eagan|Woodbury|Mankato|Moorhead',
);
export const otherStates: readonly (readonly [string, string])[] = [
  ['WI', 'Madison'],
  ['IA', 'Des Moines'],
  ['ND', 'Fargo'],
  ['SD', 'Sioux Falls'],
  ['IL', 'Chicago'],
  ['TX', 'Houston'],
  ['CA', 'Los Angeles'],
  ['NY', 'New York'],
];

export const placeNames = list(
  'Lakeside|Harbor|Maple Grove|Cedar Ridge|Pine Hollow|Riverside|Willow Creek|Birchwood|Eagle Point|Prairie View|Stonebridge|Oak Hill|Sunrise|Northfield|Southview|Westwood|Eastbrook|Meadowbrook|Fox Run|Heron Lake|Aspen|Juniper|Silver Lake|Red Rock|Bluestem|Wildflower|Lincoln|Roosevelt|Franklin|Jefferson|Hiawatha|Minnehaha|Como|Highland|Battle Creek|Tamarack|Loon Lake|Granite Falls|Timberland|Lakewood|Crosswinds|Valley View|Evergreen|Sandstone|Spring Lake|Bear Creek|Deer Path|Sumac|Kingfisher|Otter Lake',
);
export const placeSuffixes = list('|Park|Hills|Valley|Heights|Woods|Trail|Shores');

/** Plain ASCII for usernames and email addresses: "José Luis García" → "joseluisgarcia". */
export function asciiSlug(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
