"""Given names for speaker resolution (no downloads, no data files): the big lists the
lexicon (quotes/lexicon.py) imports and re-exports; every other word list is there.

Given names are folded (lower case, no accents) and cover names common in
international news; they are evidence for a person's gender and for a name being a
person's rather than an organisation's. Names often given to men and to women alike (Jan
Brewer and Jan Egeland, Dana Perino and Dana Rohrabacher) are UNISEX_NAMES: a person's, of
no gender, since a wrong gender keeps "she" from the one person it stands for. Others
(Jean, Andrea, Kim, Sasha, Jordan, Robin, ...) are left out on purpose.
"""

from __future__ import annotations

MALE_NAMES = frozenset(
    """
    aaron abdul abdullah adam adrian ahmed ahmad aleksandr alexander alexandre alexei alexey ali alan
    albert alberto alejandro alfred ali amir anatoly andre andrei andrej andres andrew andrzej andy
    angelo anthony anton antoine antonio arnold arthur ashraf boris brad bradley brandon brian bruce
    bruno carl carlos charles chris christian christopher chuck cyril dan daniel dave david dennis
    dick diego dimitri dmitri dmitry dominic donald doug douglas duncan edward emmanuel enrique eric
    erik ernest evgeny fabio farid felix fernando francesco francisco francois frank franz fred
    frederick gary gaspar george georg gerald gerhard giovanni giuseppe gordon greg gregory guido
    gustavo hamid hans harold harry hassan heinrich henri henry hugo hussein igor ilya ivan jack
    jacob jacques jakub jacek james jaroslaw javier jeff jeffrey jeremy jerry jim jimmy
    joachim joe joel johan johann john jonathan jorge jose josef joseph juan julian justin kamal
    karl keith ken kenneth kevin khalid klaus konstantin krzysztof kurt larry lars leonid liam lorenzo
    louis luca lucas luis lukasz mahmoud manuel marc marcel marco marcus mario mark martin mateusz
    matt matthew matty maurice max michael michal michel miguel mike mikhail mohamed mohammad mohammed
    muhammad nabil nathan neil nicholas nick nicolas nikita nikolai nikolay norman oleg oliver omar
    oscar pablo patrick paul pavel pawel pedro peter petr philip philippe piotr pierre rafael ralph
    ramon randy raul ray raymond recep reza ricardo richard rick robert roberto rodrigo roger roman
    ronald rudolf russell ryan said salman sam samuel scott sean sebastian sergei sergey sergio simon
    stanislav stefan stephen steve steven stuart tadeusz ted thomas tim timothy todd tom tomas
    tony ulrich vadim valentin valery vasily victor viktor vincent vitaly vladimir vladislav volodymyr
    walter wayne william witold wojciech xavier yaroslav yevgeny yuri yusuf zbigniew
    abraham al alec alfonso allen alvin angus barack barney barry ben benjamin benny bernard bernie
    bill billy bob bobby bret brett bryan bud byron calvin cecil chad charlie chet clarence clark clifford
    clint cody colin conrad corey cory craig curtis dale darren darryl dean derek desmond devin dirk don
    donnie dwight dylan earl ed eddie edgar edwin eli elijah elliot emil ethan eugene evan everett ezra
    floyd franklin fritz gabriel gavin gil glenn graham grant guy hal hank harvey hector herbert herman
    homer howard ian irving isaac jake jared jason jay jeb jeremiah jerome joey jon jonah josh joshua
    kenny kirk kyle lamar lance lawrence leo leon leonard leroy lewis lloyd lou lowell luke luther lyndon
    mack malcolm marty marvin melvin micah miles milton mitch mitchell mitt monty morton murray nate
    nathaniel neal ned newt nigel noah norbert norm orrin otto owen percy perry pete phil preston quentin
    randall reggie reince reuben rex rich richie rob robby rocco rod rodney roland ron ronnie roscoe ross
    roy rudy rufus rupert russ salvatore saul seth shane sheldon sherrod sid solomon sonny spencer stan
    stanley stewart sylvester tanner thad thaddeus theodore tobias toby tommy travis trent trey troy tyler
    vernon vic vince vinnie wade wallace wendell wesley wilbur willie woodrow wyatt zach zachary zeke
    antonin
    """.split()
)

FEMALE_NAMES = frozenset(
    """
    agnes agnieszka alexandra alice alicia alina alison amanda amber amelia amy ana anastasia
    angela angelika anna anne annette antonia barbara beata beatrice betty brenda bridget carla carmen
    carol caroline catherine cecilia charlotte christina christine claire claudia cynthia daria
    deborah denise diana diane dominika donna dorota dorothy edith elena elisabeth elizabeth ella
    ellen elzbieta emily emma erika eva evelyn ewa fatima fiona florence frances francesca gabriela
    gabrielle galina gloria grace hanna hannah helen helena ingrid irina isabel isabella jacqueline
    jane janet jennifer jessica joan joanna josephine joyce judith julia julie karen katarzyna
    katherine kathleen kathryn katie laura lauren linda lisa louise lucy lyudmila magdalena
    malgorzata margaret maria marie marina marta martha mary maya melania melissa michelle monika
    nadia nancy natalia natalya nathalie nicole nina olga pamela patricia paula pauline rachel
    rebecca rita rosa rose ruth sabine sandra sara sarah sharon sheila sophie stephanie susan suzanne
    svetlana sylvia tatiana tatyana teresa theresa ursula valentina valerie vanessa veronica victoria
    virginia wanda yulia zofia zuzanna
    abby abigail ada adele adrienne aileen aisha alana allison alyssa angie anita ann annie arlene
    audrey ava beatriz becky belinda bernadette beth bethany betsy beverly bonnie camila candace cara
    carly carolyn cassandra cathy charlene cheryl chloe cindy claudette colleen connie cora crystal daisy
    danielle darlene dawn debbie debra delia della dianne dolores doris dora eileen elaine eleanor elise
    eliza ellie eloise elsie emilia erica esther ethel eugenia eunice faith felicia flora francine gail
    geraldine gina ginger ginny gladys glenda gretchen gwen gwendolyn hailey harriet hazel heather heidi
    hilary hillary holly ida ilhan imogen irene iris isla ivana ivanka janice jasmine jeanette jeanne
    jenna jenny jill jo joanne jocelyn jodi josie joy juanita judy julianne june kamala kara karin kate
    kathy katrina kay kayla kellyanne kirsten kristen kristin krystal laila lana laurie leah leila lena
    lila lillian lily loretta lorraine lois lola lori louisa lucia lucille luisa lydia lynn lynne mabel
    madeleine madeline mae maggie mandy marcia margarita marge margo marian marianne marilyn marjorie
    marla marlene marsha maureen maxine megan meghan megyn melanie melinda mercedes meredith mia mildred
    millie miriam molly mona muriel myrna nadine naomi natalie nellie nia nikki nora norma olivia opal
    paige pam patsy patty peggy penelope penny phyllis piper polly priscilla rachael ramona regina renee
    rhonda roberta rochelle ronda rosalind rosemary roxanne ruby sabrina sally samantha selena serena
    shari sheryl shirley sierra silvia sonia sonya stacey stacy stella sue susanna susie sybil tamara
    tammy tanya tara teri terri tess thelma tiffany tina tonya tracey trudy tulsi valeria vera vicki
    vickie viola violet vivian wendy wilma yolanda yvonne zelda zoe
    """.split()
)

UNISEX_NAMES = frozenset("dana jamie jan kelly nicola terry".split())
